import type { UserId } from '../../../src-shared/ids';
import type { Room } from '../../../src-shared/schemas/chat';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import { DomainError } from '../../domain-error';
import type { UserRecord } from '../../storage/records';
import { assertInside, assertMember as assertCourseMember, courseAccess } from './course-access';
import { mayMessage } from './places';
import type { AccessStorage } from './ports';
import { assertMember as assertSessionMember, sessionAccess } from './session-access';

export type ParsedRoom =
  | { kind: 'session'; sessionId: SessionId }
  | { kind: 'course'; courseId: CourseId }
  | { kind: 'dm'; userIds: [UserId, UserId] };

export function parseRoom(room: Room): ParsedRoom {
  const [kind, a, b] = room.split(':') as [string, string, string | undefined];
  if (kind === 'session') return { kind, sessionId: a as SessionId };
  if (kind === 'course') return { kind, courseId: a as CourseId };
  return { kind: 'dm', userIds: [a as UserId, b as UserId] };
}

/**
 * Reading a chat (history, catch-up, files, read markers, typing relays to
 * it): whoever may see the place — its people, and an admin looking into a
 * course or session. A conversation is for its two people only.
 */
export async function assertMayRead(
  storage: AccessStorage,
  actor: UserRecord,
  room: Room,
): Promise<ParsedRoom> {
  const parsed = parseRoom(room);
  if (parsed.kind === 'session') await sessionAccess(storage, actor, parsed.sessionId);
  else if (parsed.kind === 'course')
    assertInside(await courseAccess(storage, actor, parsed.courseId), 'its chat');
  else await assertInConversation(storage, actor, parsed.userIds);
  return parsed;
}

/** Writing (send, edit, delete, typing): the place's own people; an archived course's chat is read-only. */
export async function assertMayWrite(
  storage: AccessStorage,
  actor: UserRecord,
  room: Room,
): Promise<ParsedRoom> {
  const parsed = parseRoom(room);
  if (parsed.kind === 'session')
    assertSessionMember(await sessionAccess(storage, actor, parsed.sessionId));
  else if (parsed.kind === 'course')
    assertCourseMember(await courseAccess(storage, actor, parsed.courseId));
  else await assertInConversation(storage, actor, parsed.userIds);
  return parsed;
}

/**
 * Removing someone else's message (moderation): the course's teacher in its
 * chat, the session's host in theirs, and an admin in any course or session
 * chat. A conversation has no moderator. Asked once the actor may read the room.
 */
export async function moderatesRoom(
  storage: AccessStorage,
  actor: UserRecord,
  room: Room,
): Promise<boolean> {
  const parsed = parseRoom(room);
  if (parsed.kind === 'dm') return false;
  if (actor.isAdmin) return true;
  if (parsed.kind === 'course')
    return (await courseAccess(storage, actor, parsed.courseId)).isTeacher;
  return (await sessionAccess(storage, actor, parsed.sessionId)).viewer.isHost;
}

/**
 * Removing a message, once the actor may read the room (assertMayRead): its
 * author, where they may still write; anyone else only as the room's
 * moderator (moderatesRoom), even in an archived course. Says which of the two.
 */
export async function assertMayRemove(
  storage: AccessStorage,
  actor: UserRecord,
  room: Room,
  authorId: UserId,
): Promise<'author' | 'moderator'> {
  if (authorId === actor.id) {
    await assertMayWrite(storage, actor, room);
    return 'author';
  }
  if (await moderatesRoom(storage, actor, room)) return 'moderator';
  throw new DomainError(
    'FORBIDDEN',
    parseRoom(room).kind === 'dm'
      ? 'You can delete only your own messages.'
      : 'Only the teacher of this chat, its host or an admin can remove other people’s messages.',
  );
}

async function assertInConversation(
  storage: AccessStorage,
  actor: UserRecord,
  [a, b]: [UserId, UserId],
): Promise<void> {
  if (a >= b || (actor.id !== a && actor.id !== b))
    throw new DomainError('FORBIDDEN', 'This is not one of your conversations.');
  const peer = await storage.users.get(actor.id === a ? b : a);
  if (!peer || peer.status !== 'active')
    throw new DomainError('NOT_FOUND', 'This person is no longer on the hub.');
  if (!(await mayMessage(storage, actor, peer)))
    throw new DomainError(
      'FORBIDDEN',
      'You can message people you share a course or session with.',
    );
}
