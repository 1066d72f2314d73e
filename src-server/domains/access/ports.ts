import type { Storage } from '../../storage/repositories';

/** The repositories the access rules read: memberships and the places they point at, nothing else. */
export const ACCESS_REPOSITORIES = [
  'users',
  'courses',
  'enrolments',
  'deadlines',
  'sessions',
  'sessionMembers',
] as const;
export type AccessRepository = (typeof ACCESS_REPOSITORIES)[number];

export type AccessStorage = Pick<Storage, AccessRepository>;
