import type { UserId } from '../../../src-shared/ids';
import type { Room } from '../../../src-shared/schemas/chat';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import { DomainError } from '../../domain-error';
import type { UserRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';

export type ParsedRoom =
  | { kind: 'session'; sessionId: SessionId }
  | { kind: 'course'; courseId: string }
  | { kind: 'dm'; userIds: [UserId, UserId] };

export function parseRoom(room: Room): ParsedRoom {
  const [kind, a, b] = room.split(':') as [string, string, string | undefined];
  if (kind === 'session') return { kind, sessionId: a as SessionId };
  if (kind === 'course') return { kind, courseId: a };
  return { kind: 'dm', userIds: [a as UserId, b as UserId] };
}

/** Two people may message each other when they share a session (courses join with their domain), or one is an admin. */
export async function mayMessage(storage: Storage, a: UserRecord, b: UserRecord): Promise<boolean> {
  if (a.isAdmin || b.isAdmin) return true;
  const theirs = new Set(
    (await storage.sessionMembers.listForUser(b.id))
      .filter((m) => m.status === 'active')
      .map((m) => m.sessionId as string),
  );
  return (await storage.sessionMembers.listForUser(a.id)).some(
    (m) => m.status === 'active' && theirs.has(m.sessionId),
  );
}

/** The same check for reading, writing and receiving: it runs on every call, not once at join. */
export async function assertInRoom(
  storage: Storage,
  actor: UserRecord,
  room: Room,
): Promise<ParsedRoom> {
  const parsed = parseRoom(room);
  if (parsed.kind === 'session') {
    const member = await storage.sessionMembers.get(parsed.sessionId, actor.id);
    if (member?.status !== 'active')
      throw new DomainError('FORBIDDEN', 'You are not a member of this session’s chat.');
    return parsed;
  }
  if (parsed.kind === 'course')
    throw new DomainError('NOT_FOUND', 'Course chat rooms open when courses exist on this hub.');
  const [a, b] = parsed.userIds;
  if (a >= b || (actor.id !== a && actor.id !== b))
    throw new DomainError('FORBIDDEN', 'This is not one of your conversations.');
  const peer = await storage.users.get(actor.id === a ? b : a);
  if (!peer || peer.status !== 'active')
    throw new DomainError('NOT_FOUND', 'This person is no longer on the hub.');
  if (!(await mayMessage(storage, actor, peer))) {
    throw new DomainError(
      'FORBIDDEN',
      'You can message people you share a course or session with.',
    );
  }
  return parsed;
}
