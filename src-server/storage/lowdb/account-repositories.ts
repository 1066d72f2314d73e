import type { AuthSessionId, StatusUpdateId, UserId } from '../../../src-shared/ids';
import type { AccountTokenRecord, AuthSessionRecord, StatusUpdateRecord } from '../records';
import type {
  AccountTokensRepository,
  AuthSessionsRepository,
  Slice,
  StatusUpdatesRepository,
  Window,
} from '../repositories';
import type { LowdbCollection } from './collection';
import {
  authSessionRecordSchema,
  accountTokenRecordSchema,
  statusUpdateRecordSchema,
} from '../record-schemas';

export const authSessionsCollectionOptions = {
  name: 'auth-sessions',
  schema: authSessionRecordSchema,
  indexes: {
    user: (session: AuthSessionRecord) => session.userId,
    expiryDay: (session: AuthSessionRecord) => dayOf(session.refreshExpiresAt),
  },
};

export class LowdbAuthSessionsRepository implements AuthSessionsRepository {
  constructor(private readonly sessions: LowdbCollection<AuthSessionRecord>) {}

  async get(id: AuthSessionId) {
    return this.sessions.get(id);
  }
  async listForUser(userId: UserId) {
    return this.sessions.listByIndex('user', userId);
  }
  async insert(session: AuthSessionRecord) {
    return this.sessions.insert(session);
  }
  async update(id: AuthSessionId, change: (current: AuthSessionRecord) => AuthSessionRecord) {
    return this.sessions.update(id, change);
  }
  async delete(id: AuthSessionId) {
    return this.sessions.delete(id);
  }
  async deleteForUser(userId: UserId) {
    const ids = this.sessions.listByIndex('user', userId).map((session) => session.id);
    await this.sessions.deleteMany(ids);
    return ids;
  }
  async listExpired(cutoff: string, limit: number) {
    return expiredIds<AuthSessionRecord, AuthSessionId>(
      this.sessions,
      cutoff,
      limit,
      (s) => s.refreshExpiresAt,
    );
  }
  async deleteMany(ids: readonly AuthSessionId[]) {
    return this.sessions.deleteMany(ids);
  }
}

export const accountTokensCollectionOptions = {
  name: 'account-tokens',
  schema: accountTokenRecordSchema,
  unique: { hash: (token: AccountTokenRecord) => token.tokenHash },
  indexes: {
    user: (token: AccountTokenRecord) => token.userId,
    expiryDay: (token: AccountTokenRecord) => dayOf(token.expiresAt),
  },
};

export class LowdbAccountTokensRepository implements AccountTokensRepository {
  constructor(private readonly tokens: LowdbCollection<AccountTokenRecord>) {}

  async findByHash(tokenHash: string) {
    return this.tokens.getByUnique('hash', tokenHash);
  }
  async insert(token: AccountTokenRecord) {
    return this.tokens.insert(token);
  }
  async delete(id: string) {
    return this.tokens.delete(id);
  }
  async deleteForUser(userId: UserId, purpose?: AccountTokenRecord['purpose']) {
    const ids = this.tokens
      .listByIndex('user', userId)
      .filter((token) => !purpose || token.purpose === purpose)
      .map((token) => token.id);
    return this.tokens.deleteMany(ids);
  }
  async listExpired(cutoff: string, limit: number) {
    return expiredIds(this.tokens, cutoff, limit, (t) => t.expiresAt);
  }
  async deleteMany(ids: readonly string[]) {
    return this.tokens.deleteMany(ids);
  }
}

/** UTC day of an ISO time: the expiry index has one key per day, so it stays small. */
function dayOf(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * Expired records through the expiry-day index: whole days before the
 * cutoff's day are expired, the cutoff's own day is checked one by one.
 * Only expired records (and that one day) are read, never the collection.
 */
function expiredIds<T extends { id: string }, Id extends string>(
  collection: LowdbCollection<T>,
  cutoff: string,
  limit: number,
  expiresAt: (record: T) => string,
): Id[] {
  const cutoffDay = dayOf(cutoff);
  const ids: Id[] = [];
  for (const day of collection.indexKeys('expiryDay').sort()) {
    if (day > cutoffDay) break;
    for (const record of collection.listByIndex('expiryDay', day)) {
      if (ids.length >= limit) return ids;
      if (expiresAt(record) <= cutoff) ids.push(record.id as Id);
    }
  }
  return ids;
}

export const statusUpdatesCollectionOptions = {
  name: 'status-updates',
  schema: statusUpdateRecordSchema,
  indexes: { author: (update: StatusUpdateRecord) => update.authorId },
};

export class LowdbStatusUpdatesRepository implements StatusUpdatesRepository {
  constructor(private readonly updates: LowdbCollection<StatusUpdateRecord>) {}

  async get(id: StatusUpdateId) {
    return this.updates.get(id);
  }
  async pageByAuthor(authorId: UserId, window: Window): Promise<Slice<StatusUpdateRecord>> {
    const all = this.updates.listByIndex('author', authorId);
    const end = all.length - window.offset;
    const items = all.slice(Math.max(0, end - window.limit), Math.max(0, end)).reverse();
    return { items, total: all.length };
  }
  async insert(update: StatusUpdateRecord) {
    return this.updates.insert(update);
  }
  async delete(id: StatusUpdateId) {
    return this.updates.delete(id);
  }
  async deleteByAuthor(authorId: UserId) {
    return this.updates.deleteMany(
      this.updates.listByIndex('author', authorId).map((update) => update.id),
    );
  }
}
