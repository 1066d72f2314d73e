import { createHash, timingSafeEqual } from 'node:crypto';
import type { Account, Profile, UserSummary } from '../../../src-shared/schemas/accounts';
import type { AdminAccount } from '../../../src-shared/schemas/admin';
import { canSeeEmails, type Actor } from '../../../src-shared/permissions';
import type { UserRecord } from '../../storage/records';

/** Stored records become API views here and only here, so a field is never leaked by accident. */

export function avatarUrl(user: UserRecord): string {
  // The version query changes with the picture, so browsers may cache each version forever.
  const version = user.avatar ? user.avatar.blobId.slice(0, 12) : 'initials';
  return `/api/users/${encodeURIComponent(user.username)}/avatar?k=${avatarKey(user)}&v=${version}`;
}

/**
 * An <img> cannot send the access token, so an avatar address carries a key
 * instead: derived from the account's random id, which only signed-in people
 * are ever shown. Someone who knows just a username cannot make it, so the
 * avatar route cannot be used to find out which usernames exist.
 */
export function avatarKey(user: Pick<UserRecord, 'id'>): string {
  return createHash('sha256').update(`avatar\n${user.id}`).digest('base64url').slice(0, 22);
}

/** Compared in constant time, so response timing does not leak the key a character at a time. */
export function isAvatarKey(user: Pick<UserRecord, 'id'>, given: string | undefined): boolean {
  const expected = Buffer.from(avatarKey(user));
  const actual = Buffer.from(given ?? '');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function toSummary(user: UserRecord, viewer: Actor): UserSummary {
  return {
    id: user.id,
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    isAdmin: user.isAdmin,
    avatarUrl: avatarUrl(user),
    ...(canSeeEmails(viewer) ? { email: user.email } : {}),
  };
}

export function toProfile(user: UserRecord, viewer: Actor): Profile {
  return {
    ...toSummary(user, viewer),
    bio: user.bio,
    joinedAt: user.createdAt,
    ...(user.role === 'student'
      ? { student: { ...user.student } }
      : { teacher: { ...user.teacher } }),
  };
}

export function toAccount(user: UserRecord): Account {
  return {
    ...toProfile(user, user),
    email: user.email,
    status: user.status,
    emailVerified: user.emailVerified,
  };
}

export function toAdminAccount(user: UserRecord): AdminAccount {
  return { ...toAccount(user), ...(user.lastSignInAt ? { lastSignInAt: user.lastSignInAt } : {}) };
}

/** A stand-in for an account deleted since it wrote something. */
export const formerMember = (id: string): UserRecord => ({
  id: id as UserRecord['id'],
  username: 'former-member',
  email: '',
  firstName: 'Former',
  lastName: 'member',
  role: 'student',
  isAdmin: false,
  status: 'active',
  emailVerified: false,
  passwordHash: '',
  bio: '',
  createdAt: '',
  updatedAt: '',
});
