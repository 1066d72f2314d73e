import type { AuthSessionId, UserId } from '../../../src-shared/ids';
import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import { accountTokenRecordSchema, authSessionRecordSchema } from '../record-schemas';
import type { AccountTokenRecord, AuthSessionRecord } from '../records';
import type { AccountTokensRepository, AuthSessionsRepository } from '../repositories';

export const authSessionsCollectionOptions = {
  name: 'auth-sessions',
  schema: authSessionRecordSchema,
  indexes: {
    user: (session: AuthSessionRecord) => session.userId,
    expiryDay: (session: AuthSessionRecord) => dayOf(session.refreshExpiresAt),
  },
} satisfies CollectionDefinition<AuthSessionRecord>;

/** Sign-ins (refresh tokens), on either engine. */
export class DocumentAuthSessionsRepository implements AuthSessionsRepository {
  constructor(private readonly sessions: DocumentCollection<AuthSessionRecord>) {}

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
    const ids = (await this.sessions.listByIndex('user', userId)).map((session) => session.id);
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
} satisfies CollectionDefinition<AccountTokenRecord>;

/** E-mail verification and password reset tokens, on either engine. */
export class DocumentAccountTokensRepository implements AccountTokensRepository {
  constructor(private readonly tokens: DocumentCollection<AccountTokenRecord>) {}

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
    const ids = (await this.tokens.listByIndex('user', userId))
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
async function expiredIds<T extends { id: string }, Id extends string>(
  collection: DocumentCollection<T>,
  cutoff: string,
  limit: number,
  expiresAt: (record: T) => string,
): Promise<Id[]> {
  const cutoffDay = dayOf(cutoff);
  const ids: Id[] = [];
  for (const day of (await collection.indexKeys('expiryDay')).sort()) {
    if (day > cutoffDay) break;
    for (const record of await collection.listByIndex('expiryDay', day)) {
      if (ids.length >= limit) return ids;
      if (expiresAt(record) <= cutoff) ids.push(record.id as Id);
    }
  }
  return ids;
}
