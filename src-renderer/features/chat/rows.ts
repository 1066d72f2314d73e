import type { ChatMessage } from '../../../src-shared/schemas/chat';
import type { Outgoing } from './chat-store';

/** Messages by one person closer together than this share one header. */
const GROUP_WITHIN_MS = 5 * 60_000;

export interface RowBase {
  /** Stable across "pending → stored", so the row keeps its place and its DOM node. */
  key: string;
  /** Set on the first row of a day: `YYYY-MM-DD` in the viewer's time zone. */
  day?: string;
  /** Same author as the row above, a moment later: no avatar and name again. */
  continued: boolean;
}
export type Row =
  | (RowBase & { kind: 'message'; message: ChatMessage })
  | (RowBase & { kind: 'pending'; outgoing: Outgoing });

/** The calendar day of an instant in a time zone (the viewer's by default). */
export function dayKey(iso: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const rowKey = (authorId: string, clientId: string | undefined, seq: number) =>
  clientId ? `c:${authorId}:${clientId}` : `s:${seq}`;

/**
 * The list the message view renders: stored messages oldest first, then what
 * is still on its way. A day separator goes on the first row of each day —
 * except the first loaded row while older pages remain, since that day may
 * have begun further up.
 */
export function buildRows(
  messages: readonly ChatMessage[],
  outbox: readonly Outgoing[],
  options: { hasOlder: boolean; myId: string; timeZone?: string },
): Row[] {
  const rows: Row[] = [];
  let previous: { authorId: string; at: number; day: string; deleted: boolean } | undefined;
  const place = (authorId: string, createdAt: string, deleted: boolean) => {
    const day = dayKey(createdAt, options.timeZone);
    const at = Date.parse(createdAt);
    const first = previous === undefined;
    const newDay = first ? !options.hasOlder : previous!.day !== day;
    const continued =
      !first &&
      !newDay &&
      !previous!.deleted &&
      previous!.authorId === authorId &&
      at - previous!.at < GROUP_WITHIN_MS;
    previous = { authorId, at, day, deleted };
    return { ...(newDay ? { day } : {}), continued };
  };
  for (const message of messages) {
    rows.push({
      kind: 'message',
      key: rowKey(message.author.id, message.clientId, message.seq),
      message,
      ...place(message.author.id, message.createdAt, message.deleted),
    });
  }
  const stored = new Set(rows.map((row) => row.key));
  for (const outgoing of outbox) {
    // Its ack and its live copy race; once stored, the stored copy is the one shown.
    if (stored.has(rowKey(options.myId, outgoing.clientId, 0))) continue;
    rows.push({
      kind: 'pending',
      key: rowKey(options.myId, outgoing.clientId, 0),
      outgoing,
      ...place(options.myId, outgoing.createdAt, false),
    });
  }
  return rows;
}

/** How far a day is from today, for "Today" / "Yesterday" labels (both keys in the same zone). */
export function daysBetween(fromKey: string, toKey: string): number {
  return Math.round(
    (Date.parse(`${toKey}T00:00:00Z`) - Date.parse(`${fromKey}T00:00:00Z`)) / 86_400_000,
  );
}
