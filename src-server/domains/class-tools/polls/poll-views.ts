import type {
  Poll,
  PollQuestion,
  PollResults,
} from '../../../../src-shared/schemas/class-tools/polls';
import { scoreOf } from '../../../../src-shared/schemas/class-tools/polls';
import type { PollAnswerRecord, PollRecord } from '../../../storage/records-class-tools';

/** What a viewer may see of a poll. */
export interface PollViewer {
  /** The host or an admin: results and right answers at any time. */
  readonly readsAll: boolean;
  readonly answer: PollAnswerRecord | undefined;
}

/** The same view for everyone in the room: what a student may see, without anyone's own answer. */
export const ROOM_VIEWER: PollViewer = { readsAll: false, answer: undefined };

export function toPoll(
  poll: PollRecord,
  viewer: PollViewer,
  results: PollResults | undefined,
): Poll {
  const revealed = poll.state === 'revealed';
  const showKey = viewer.readsAll || revealed;
  const score =
    revealed && poll.pollKind === 'quiz' && viewer.answer
      ? scoreOf(poll.questions, viewer.answer.responses)
      : null;
  return {
    id: poll.id,
    sessionId: poll.sessionId,
    kind: poll.pollKind,
    title: poll.title,
    anonymous: poll.anonymous,
    state: poll.state,
    questions: poll.questions.map((q) => question(q, showKey)),
    results: showKey && results ? results : null,
    myResponses: viewer.answer ? [...viewer.answer.responses] : null,
    myScore: score,
    deadlineId: poll.deadlineId ?? null,
    openedAt: poll.openedAt ?? null,
    closedAt: poll.closedAt ?? null,
    createdAt: poll.createdAt,
  };
}

function question(q: PollQuestion, showKey: boolean): PollQuestion {
  return {
    type: q.type,
    prompt: q.prompt,
    options: [...q.options],
    ...(showKey && q.correctOptions ? { correctOptions: [...q.correctOptions] } : {}),
    ...(showKey && q.acceptedAnswers ? { acceptedAnswers: [...q.acceptedAnswers] } : {}),
  };
}
