import type { ChatMessage } from '../../../src-shared/schemas/chat';

/**
 * A room's loaded history is one run of messages, oldest first, keyed by
 * seq. History pages, live events and catch-up answers all go through
 * mergeMessages, so a message seen twice is kept once and an edit that
 * arrived live is not undone by an older copy from a page.
 */
export function mergeMessages(
  current: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
): ChatMessage[] {
  if (incoming.length === 0) return current as ChatMessage[];
  const bySeq = new Map<number, ChatMessage>();
  for (const message of current) bySeq.set(message.seq, message);
  for (const message of incoming) {
    const known = bySeq.get(message.seq);
    if (!known || isNewer(message, known)) bySeq.set(message.seq, message);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/** Deleted wins; otherwise the later edit wins (ISO times compare as strings). */
function isNewer(candidate: ChatMessage, known: ChatMessage): boolean {
  if (known.deleted) return false;
  if (candidate.deleted) return true;
  return (candidate.editedAt ?? '') >= (known.editedAt ?? '');
}

export function newestSeq(messages: readonly ChatMessage[]): number {
  return messages.at(-1)?.seq ?? 0;
}

/**
 * The seq after which the loaded run stops being contiguous (the last seq
 * before the first hole), or the newest seq when there is no hole. Catch-up
 * asks the hub for everything after it, which fills any hole.
 */
export function contiguousUntil(messages: readonly ChatMessage[]): number {
  for (let i = 1; i < messages.length; i++) {
    if (messages[i]!.seq !== messages[i - 1]!.seq + 1) return messages[i - 1]!.seq;
  }
  return newestSeq(messages);
}
