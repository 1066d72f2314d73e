import { useEffect, useRef } from 'react';
import type { ClassQuestion, Question } from '../../../../src-shared/schemas/class-tools/questions';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { api } from '../../../app/hub-client';
import { useLiveState } from '../../../app/use-live-state';
import type { ClassToolRole } from '../class-tool';

/** Pinned first, then the most upvoted, then the oldest (the hub's order too). */
export function byPriority(a: ClassQuestion, b: ClassQuestion): number {
  return (
    Number(b.pinned) - Number(a.pinned) ||
    b.upvotes - a.upvotes ||
    a.createdAt.localeCompare(b.createdAt)
  );
}

/**
 * Merges the class's view of a question (no author, no voters) into the
 * list: what only this viewer knows — mine, upvoted, the author an admin
 * sees — is kept. Students drop a dismissed question.
 */
export function mergeQuestion(
  list: readonly Question[],
  incoming: ClassQuestion,
  role: ClassToolRole,
): Question[] {
  const known = list.find((q) => q.id === incoming.id);
  const others = list.filter((q) => q.id !== incoming.id);
  if (role === 'student' && incoming.status === 'dismissed') return others;
  const merged: Question = {
    mine: false,
    upvotedByMe: false,
    ...(known?.author ? { author: known.author } : {}),
    ...(known ? { mine: known.mine, upvotedByMe: known.upvotedByMe } : {}),
    ...incoming,
  };
  return [...others, merged].sort(byPriority);
}

/** The class's questions as this viewer sees them, kept live by `question:changed`. */
export function useQuestions(sessionId: SessionId, role: ClassToolRole) {
  const live = useLiveState<Question[], 'question:changed'>(
    `questions:${sessionId}`,
    async () => (await api.call('questions', { params: { sessionId } })).items,
    'question:changed',
    (list, question) =>
      question.sessionId === sessionId && list ? mergeQuestion(list, question, role) : undefined,
  );
  useAuthorsForObserver(role, live.state, live.reload);
  return live;
}

/**
 * The class's packet of a new question names nobody; an admin looking in moderates, so their
 * list names each author (the hub's REST view for admins). A question that arrived live
 * without one is fetched once with the rest of the list.
 */
function useAuthorsForObserver(
  role: ClassToolRole,
  list: readonly Question[] | undefined,
  reload: () => Promise<void>,
) {
  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (role !== 'observer' || !list) return;
    const unnamed = list.filter((q) => !q.author && !asked.current.has(q.id));
    if (unnamed.length === 0) return;
    unnamed.forEach((q) => asked.current.add(q.id));
    void reload();
  }, [role, list, reload]);
}
