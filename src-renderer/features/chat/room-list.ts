import type { ChatMessage, RoomSummary } from '../../../src-shared/schemas/chat';

/**
 * Pure rules for the rooms list: unread counts, grouping and search. The
 * hub's unread count is `lastSeq - readSeq`; keeping both numbers (instead of
 * the count) lets live messages and read markers from other devices update
 * it without a round trip.
 */
export function unreadOf(room: Pick<RoomSummary, 'lastSeq' | 'readSeq'>): number {
  return Math.max(0, room.lastSeq - room.readSeq);
}

export function totalUnread(rooms: readonly RoomSummary[]): number {
  return rooms.reduce((sum, room) => sum + unreadOf(room), 0);
}

/** A message arrived: the room's last seq moves; your own message counts as read (the hub does the same). */
export function roomAfterMessage(
  room: RoomSummary,
  message: Pick<ChatMessage, 'seq' | 'author'>,
  myId: string | undefined,
): RoomSummary {
  const lastSeq = Math.max(room.lastSeq, message.seq);
  const readSeq = message.author.id === myId ? Math.max(room.readSeq, message.seq) : room.readSeq;
  return { ...room, lastSeq, readSeq, unread: Math.max(0, lastSeq - readSeq) };
}

/** A read marker (from this device or another): it only ever moves forward. */
export function roomAfterRead(room: RoomSummary, readSeq: number): RoomSummary {
  const next = Math.min(room.lastSeq, Math.max(room.readSeq, readSeq));
  return next === room.readSeq ? room : { ...room, readSeq: next, unread: room.lastSeq - next };
}

/** Members online besides you (the summary lists you too). */
export function othersOnline(room: Pick<RoomSummary, 'online'>, myId: string | undefined): number {
  return room.online.filter((id) => id !== myId).length;
}

export interface RoomGroups {
  course: RoomSummary[];
  session: RoomSummary[];
  dm: RoomSummary[];
}

const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Rooms by kind, filtered by every word of the query (title, or the peer's username); unread first within a kind. */
export function groupRooms(rooms: readonly RoomSummary[], query = ''): RoomGroups {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const groups: RoomGroups = { course: [], session: [], dm: [] };
  for (const room of rooms) {
    const haystack = normalise(`${room.title} ${room.peer?.username ?? ''}`);
    if (words.every((word) => haystack.includes(word))) groups[room.kind].push(room);
  }
  const order = (a: RoomSummary, b: RoomSummary) =>
    Number(unreadOf(b) > 0) - Number(unreadOf(a) > 0) || a.title.localeCompare(b.title);
  for (const list of Object.values(groups)) list.sort(order);
  return groups;
}
