import type { UserId } from '../../../src-shared/ids';
import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import { userRecordSchema } from '../record-schemas';
import type { UserRecord } from '../records';
import type { Slice, UserQuery, UsersRepository } from '../repositories';

export const usersCollectionOptions = {
  name: 'users',
  schema: userRecordSchema,
  unique: {
    username: (user: UserRecord) => user.username.toLowerCase(),
    email: (user: UserRecord) => user.email,
  },
  indexes: {
    status: (user: UserRecord) => user.status,
    role: (user: UserRecord) => user.role,
    activeAdmin: (user: UserRecord) =>
      user.isAdmin && user.status === 'active' ? 'yes' : undefined,
  },
} satisfies CollectionDefinition<UserRecord>;

const isActiveAdmin = (user: UserRecord) => user.isAdmin && user.status === 'active';
const losesAdmin = (before: UserRecord, after: UserRecord) =>
  isActiveAdmin(before) && !isActiveAdmin(after);
/** Rounds of "pick another admin as the guard" before giving up (each lost round saw an admin go). */
const GUARD_ROUNDS = 8;

/**
 * People search, which each engine answers its own way: the lowdb engine
 * with a MiniSearch index in memory (lowdb/users-search.ts), PostgreSQL with
 * pg_trgm indexes (postgres/users-search.ts). Both rank, match the beginning
 * of a word and forgive one typo per word (the users contract test).
 */
export interface UserSearch {
  /** Without text: newest accounts first. With text: best match first. */
  search(query: UserQuery): Promise<Slice<UserRecord>>;
  /** Told after each committed write, for an index kept in memory; a database's follow by themselves. */
  stored?(user: UserRecord): void;
  removed?(id: UserId): void;
}

/** Accounts, on either engine; search goes to the engine's UserSearch. */
export class DocumentUsersRepository implements UsersRepository {
  constructor(
    private readonly users: DocumentCollection<UserRecord>,
    private readonly searcher: UserSearch,
  ) {}

  async get(id: UserId) {
    return this.users.get(id);
  }
  async findByUsername(username: string) {
    return this.users.getByUnique('username', username.toLowerCase());
  }
  async findByEmail(email: string) {
    return this.users.getByUnique('email', email.toLowerCase());
  }
  async count() {
    return this.users.count();
  }
  async countActiveAdmins() {
    return this.users.countByIndex('activeAdmin', 'yes');
  }
  async search(query: UserQuery): Promise<Slice<UserRecord>> {
    return this.searcher.search(query);
  }

  async insert(user: UserRecord) {
    const stored = await this.users.insert(user);
    this.searcher.stored?.(stored);
    return stored;
  }

  async insertCounted(build: (existingAccounts: number) => UserRecord) {
    const stored = await this.users.insertCountingAll(build);
    this.searcher.stored?.(stored);
    return stored;
  }

  async update(id: UserId, change: (current: UserRecord) => UserRecord) {
    const updated = await this.users.update(id, change);
    if (updated) this.searcher.stored?.(updated);
    return updated;
  }

  async updateKeepingAnAdmin(id: UserId, change: (current: UserRecord) => UserRecord) {
    // Each round either writes or sees another admin lose the role, so a few rounds settle it.
    for (let round = 0; round < GUARD_ROUNDS; round++) {
      // Most changes take no admin away: the record alone, checked under its own lock.
      const alone = await this.users.updateAllOrNone(
        [id],
        (u) => !losesAdmin(u, change(u)),
        change,
      );
      if (alone.ok) return this.stored(alone.after[0]!);
      if (!(await this.users.get(id))) return undefined;
      const admins = await this.users.listByIndex('activeAdmin', 'yes');
      const guard = admins.find((admin) => admin.id !== id);
      if (!guard) return 'last-admin';
      // The guard is locked and checked with the record (PostgreSQL locks both rows in id order),
      // so it is still an active admin when the change commits; it is written back unchanged.
      const guarded = await this.users.updateAllOrNone(
        [id, guard.id],
        (u) => u.id === id || isActiveAdmin(u),
        (u) => (u.id === id ? change(u) : u),
      );
      if (guarded.ok) return this.stored(guarded.after.find((u) => u.id === id)!);
      if (guarded.badId === id) return undefined;
    }
    return 'last-admin';
  }

  private stored(user: UserRecord): UserRecord {
    this.searcher.stored?.(user);
    return user;
  }

  async delete(id: UserId) {
    // After the write: a failed delete is undone, and the person must stay findable.
    const deleted = await this.users.delete(id);
    if (deleted) this.searcher.removed?.(id);
    return deleted;
  }

  async referencedBlobs() {
    const users = [...(await this.users.values())];
    return new Set(users.flatMap((user) => (user.avatar ? [user.avatar.blobId] : [])));
  }
}
