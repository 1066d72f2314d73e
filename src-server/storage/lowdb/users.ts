import MiniSearch from 'minisearch';
import type { UserId } from '../../../src-shared/ids';
import type { UserRecord } from '../records';
import type { Slice, UserQuery, UsersRepository } from '../repositories';
import type { LowdbCollection } from './collection';
import { userRecordSchema } from '../record-schemas';

const NAME_FIELDS = ['username', 'firstName', 'lastName'];
const ALL_FIELDS = [...NAME_FIELDS, 'email'];

type SearchDocument = Pick<UserRecord, 'id' | 'username' | 'firstName' | 'lastName' | 'email'>;

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
};

/**
 * Users on lowdb, with a MiniSearch full-text index kept beside the indexes
 * of the collection: ranked, prefix and one-typo matching without scanning.
 */
export class LowdbUsersRepository implements UsersRepository {
  private readonly index = new MiniSearch<SearchDocument>({ fields: ALL_FIELDS, idField: 'id' });

  constructor(private readonly users: LowdbCollection<UserRecord>) {
    this.index.addAll([...users.values()].map(toSearchDocument));
  }

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
    return this.users.size;
  }
  async countActiveAdmins() {
    return this.users.countByIndex('activeAdmin', 'yes');
  }

  async search(query: UserQuery): Promise<Slice<UserRecord>> {
    const text = query.text?.trim();
    const matches = text ? this.rankedMatches(text, query.matchEmail) : this.newestFirst(query);
    const wanted = matches.filter(
      (user) =>
        (!query.role || user.role === query.role) &&
        (!query.statuses || query.statuses.includes(user.status)),
    );
    return { items: wanted.slice(query.offset, query.offset + query.limit), total: wanted.length };
  }

  async insert(user: UserRecord) {
    const stored = await this.users.insert(user);
    if (!this.index.has(user.id)) this.index.add(toSearchDocument(user));
    return stored;
  }

  async update(id: UserId, change: (current: UserRecord) => UserRecord) {
    const updated = await this.users.update(id, change);
    if (updated) this.index.replace(toSearchDocument(updated));
    return updated;
  }

  async delete(id: UserId) {
    // After the write: a failed delete is undone, and the person must stay findable.
    const deleted = await this.users.delete(id);
    if (deleted && this.index.has(id)) this.index.discard(id);
    return deleted;
  }

  async referencedBlobs() {
    return new Set(
      [...this.users.values()].flatMap((user) => (user.avatar ? [user.avatar.blobId] : [])),
    );
  }

  private rankedMatches(text: string, matchEmail: boolean): UserRecord[] {
    const results = this.index.search(text, {
      fields: matchEmail ? ALL_FIELDS : NAME_FIELDS,
      prefix: true,
      fuzzy: (term) => (term.length > 3 ? 1 : 0),
      combineWith: 'AND',
      boost: { username: 2 },
    });
    return results
      .map((result) => this.users.get(result.id as string))
      .filter((user) => user !== undefined);
  }

  /** Starts from the narrowest index so a filtered list never walks every account. */
  private newestFirst(query: UserQuery): UserRecord[] {
    let candidates: UserRecord[];
    if (query.statuses)
      candidates = query.statuses.flatMap((status) => this.users.listByIndex('status', status));
    else if (query.role) candidates = this.users.listByIndex('role', query.role);
    else candidates = [...this.users.values()];
    return candidates.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}

function toSearchDocument(user: UserRecord): SearchDocument {
  return {
    id: user.id,
    username: user.username,
    firstName: user.firstName,
    lastName: user.lastName,
    email: user.email,
  };
}
