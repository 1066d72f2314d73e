import type { UserId } from '../../src-shared/ids';

/** Room names of DESIGN.md §Real time, built in one place. */
export const userRoom = (userId: UserId) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
export const courseRoom = (courseId: string) => `course:${courseId}`;
