import type { Storage } from '../../storage/repositories';

/** What the access rules read: memberships and the places they point at, nothing else. */
export type AccessStorage = Pick<
  Storage,
  'users' | 'courses' | 'enrolments' | 'deadlines' | 'sessions' | 'sessionMembers'
>;
