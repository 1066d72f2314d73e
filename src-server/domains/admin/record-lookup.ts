import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type { Storage } from '../../storage/repositories';
import { pageOf } from '../paging';
import { formerMember } from '../accounts/views';

/** A person who can no longer be found, or a course or session deleted under its records. */
const GONE = '(deleted)';

/**
 * Names for the ids on one page of admin rows. A page names the same course
 * or person many times, so each is read once per request.
 */
/** What the admin's record lists look up besides the records themselves: names and titles. */
export const RECORD_LOOKUP_REPOSITORIES = ['users', 'courses', 'sessions'] as const;
type LookupStorage = Pick<Storage, (typeof RECORD_LOOKUP_REPOSITORIES)[number]>;

export class RecordLookup {
  private readonly courses = new Map<
    string,
    Promise<{ id: CourseId; code: string; title: string }>
  >();
  private readonly people = new Map<
    string,
    Promise<{ id: UserId; username: string; firstName: string; lastName: string }>
  >();
  private readonly sessions = new Map<string, Promise<{ id: SessionId; title: string }>>();

  constructor(private readonly storage: LookupStorage) {}

  course(id: CourseId) {
    return once(this.courses, id, async () => {
      const course = await this.storage.courses.get(id);
      return { id, code: course?.code ?? '', title: course?.title ?? GONE };
    });
  }

  person(id: UserId) {
    return once(this.people, id, async () => {
      const user = (await this.storage.users.get(id)) ?? formerMember(id);
      return { id, username: user.username, firstName: user.firstName, lastName: user.lastName };
    });
  }

  session(id: SessionId) {
    return once(this.sessions, id, async () => {
      const session = await this.storage.sessions.get(id);
      return { id, title: session?.title ?? GONE };
    });
  }
}

function once<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) {
    value = load();
    cache.set(key, value);
  }
  return value;
}

/** How many people a search may name; past that the admin narrows the words. */
const PEOPLE_MATCHED = 500;

/**
 * The admin's search words, resolved once per request into the courses,
 * sessions and people they name, so each record is then tested without I/O.
 */
export interface RecordSearch {
  readonly courseIds: ReadonlySet<string>;
  readonly sessionIds: ReadonlySet<string>;
  readonly userIds: ReadonlySet<string>;
  /** The record's own text (title, comment, file name) contains the words. */
  says(...texts: string[]): boolean;
}

export async function resolveSearch(
  storage: LookupStorage,
  q: string | undefined,
): Promise<RecordSearch | undefined> {
  const needle = q?.trim().toLowerCase();
  if (!needle) return undefined;
  const has = (text: string) => text.toLowerCase().includes(needle);
  const [courses, sessions, people] = await Promise.all([
    storage.courses.all(),
    storage.sessions.all(),
    storage.users.search({ text: needle, matchEmail: true, offset: 0, limit: PEOPLE_MATCHED }),
  ]);
  return {
    courseIds: new Set(courses.filter((c) => has(`${c.code} ${c.title}`)).map((c) => c.id)),
    sessionIds: new Set(sessions.filter((s) => has(s.title)).map((s) => s.id)),
    userIds: new Set(people.items.map((u) => u.id)),
    says: (...texts) => texts.some(has),
  };
}

/** The first characters of a text, on one line, for a table cell. */
export function excerptOf(text: string, length = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}

/** One page of admin rows: each record of the slice shown (names looked up), with the slice's total. */
export async function showPage<T, R>(
  slice: { items: T[]; total: number },
  query: PageQuery,
  show: (item: T) => Promise<R>,
): Promise<Page<R>> {
  const items = await Promise.all(slice.items.map(show));
  return pageOf({ items, total: slice.total }, query, (item) => item);
}
