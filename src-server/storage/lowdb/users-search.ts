import MiniSearch from 'minisearch';
import type { UserId } from '../../../src-shared/ids';
import type { UserRecord } from '../records';
import type { Slice, UserQuery } from '../repositories';
import type { UserSearch } from '../repositories/users';
import type { LowdbCollection } from './collection';

const NAME_FIELDS = ['username', 'firstName', 'lastName'];
const ALL_FIELDS = [...NAME_FIELDS, 'email'];

type SearchDocument = Pick<UserRecord, 'id' | 'username' | 'firstName' | 'lastName' | 'email'>;

/**
 * People search on lowdb: a MiniSearch full-text index kept beside the
 * indexes of the collection — ranked, prefix and one-typo matching without
 * scanning. The repository tells it of every committed write.
 */
export class MiniSearchUserSearch implements UserSearch {
  private readonly index = new MiniSearch<SearchDocument>({ fields: ALL_FIELDS, idField: 'id' });

  constructor(private readonly users: LowdbCollection<UserRecord>) {
    this.index.addAll([...users.values()].map(toSearchDocument));
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

  stored(user: UserRecord): void {
    if (this.index.has(user.id)) this.index.replace(toSearchDocument(user));
    else this.index.add(toSearchDocument(user));
  }

  removed(id: UserId): void {
    if (this.index.has(id)) this.index.discard(id);
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
