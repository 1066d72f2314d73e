import type { UserId } from '../../src-shared/ids';
import type { Actor } from '../../src-shared/permissions';
import type { Room } from '../../src-shared/schemas/chat';

/** Room names of DESIGN.md §Real time, built in one place. */
export const userRoom = (userId: UserId) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const courseRoom = (courseId: string) => `course:${courseId}`;
/**
 * Admins looking into a class (observers: read everything, act on nothing). The host's counts of
 * answers and check-ins go to the host's own devices and to this room — never to the session room,
 * where the students are. Not `session:`-prefixed: leaving a course walks those rooms only.
 */
export const classObserversRoom = (sessionId: string) => `class-observers:${sessionId}`;

/** Who hears of accounts waiting for approval: admins of everyone, teachers of students. */
export const APPROVERS_OF_ALL = 'approvers:all';
export const APPROVERS_OF_STUDENTS = 'approvers:students';
export const APPROVER_ROOMS = [APPROVERS_OF_ALL, APPROVERS_OF_STUDENTS];

export function approverRoomsOf(user: Actor): string[] {
  if (user.isAdmin) return [APPROVERS_OF_ALL];
  return user.role === 'teacher' ? [APPROVERS_OF_STUDENTS] : [];
}

/** Where a chat room's traffic goes: a conversation to both people's devices, other rooms to themselves. */
export function chatTargets(room: Room): string[] {
  if (!room.startsWith('dm:')) return [room];
  return room
    .slice(3)
    .split(':')
    .map((id) => userRoom(id as UserId));
}
