import type { Room } from '../../../src-shared/schemas/chat';

/**
 * What a room name says (DESIGN.md §Real time): `course:<id>`,
 * `session:<id>` or `dm:<a>:<b>`. The hub validates names; this only reads them.
 */
export type RoomKind = 'course' | 'session' | 'dm';

export function roomKind(room: string): RoomKind | undefined {
  const kind = room.split(':')[0];
  return kind === 'course' || kind === 'session' || kind === 'dm' ? kind : undefined;
}

/** The course or session id of a course or session room. */
export function roomTargetId(room: string): string | undefined {
  const [kind, id] = room.split(':');
  return kind === 'course' || kind === 'session' ? id : undefined;
}

/** The other person of a direct message room. */
export function peerOf(room: string, me: string): string | undefined {
  const [kind, a, b] = room.split(':');
  if (kind !== 'dm') return undefined;
  return a === me ? b : a;
}

/** The chat page of a room; the colons are encoded so the name is one path segment. */
export function chatPath(room: Room | string): string {
  return `/chat/${encodeURIComponent(room)}`;
}

export const courseRoom = (courseId: string) => `course:${courseId}` as Room;
export const sessionRoom = (sessionId: string) => `session:${sessionId}` as Room;
