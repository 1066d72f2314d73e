import { sql, type RawBuilder } from 'kysely';
import type { UserRecord } from '../records';
import type { Slice, UserQuery } from '../repositories';
import type { UserSearch } from '../repositories/users';
import type { PgDatabase } from './connect';

/** The same expressions as the trigram indexes of migration 001, so PostgreSQL answers from them. */
const NAMES = sql`lower(coalesce(data->>'username', '') || ' ' || coalesce(data->>'firstName', '') || ' ' || coalesce(data->>'lastName', ''))`;
const EMAIL = sql`lower(coalesce(data->>'email', ''))`;
const USERNAME = sql`lower(coalesce(data->>'username', ''))`;

/** Words split as MiniSearch splits them, so both engines agree on what a word is. */
const SPACE_OR_PUNCTUATION = /[\n\r\p{Z}\p{P}]+/u;

/**
 * Low enough that a word with one typo is still a candidate; which
 * candidates really match is decided exactly afterwards (`matchesEvery`).
 */
const CANDIDATE_SIMILARITY = 0.3;

/**
 * People search on PostgreSQL with pg_trgm. The database finds candidates
 * from its trigram indexes — a word containing the query word, or one close
 * to it by trigram word similarity — and ranks them by that similarity (a
 * username counts double, as on lowdb). The exact rule both engines keep is
 * then checked in JavaScript on the few candidates: every query word starts
 * a word of the person's names (or email address, when allowed), or is at
 * most one edit away from one when longer than three letters.
 */
export class TrigramUserSearch implements UserSearch {
  constructor(private readonly db: PgDatabase) {}

  async search(query: UserQuery): Promise<Slice<UserRecord>> {
    const terms = words(query.text ?? '');
    return terms.length > 0 ? this.ranked(terms, query) : this.newestFirst(query);
  }

  private async newestFirst(query: UserQuery): Promise<Slice<UserRecord>> {
    const where = filters(query);
    const [{ rows }, { rows: counted }] = await Promise.all([
      sql<{ data: UserRecord }>`
        select data from users where ${where}
        order by data->>'createdAt' desc, seq limit ${query.limit} offset ${query.offset}`.execute(
        this.db,
      ),
      sql<{ count: number }>`select count(*)::int as count from users where ${where}`.execute(
        this.db,
      ),
    ]);
    return { items: rows.map((row) => row.data), total: counted[0]?.count ?? 0 };
  }

  private async ranked(terms: string[], query: UserQuery): Promise<Slice<UserRecord>> {
    const fields = query.matchEmail ? [NAMES, EMAIL] : [NAMES];
    const candidate = (term: string) =>
      sql`(${sql.join(
        fields.flatMap((field) => [
          sql`${field} like ${`%${escapeLike(term)}%`}`,
          sql`${term} <% ${field}`,
        ]),
        sql` or `,
      )})`;
    const score = sql.join(
      terms.map(
        (term) =>
          sql`greatest(2 * word_similarity(${term}, ${USERNAME}), ${sql.join(
            fields.map((field) => sql`word_similarity(${term}, ${field})`),
          )})`,
      ),
      sql` + `,
    );
    const rows = await this.db.transaction().execute(async (trx) => {
      await sql`select set_config('pg_trgm.word_similarity_threshold', ${String(CANDIDATE_SIMILARITY)}, true)`.execute(
        trx,
      );
      const { rows } = await sql<{ data: UserRecord }>`
        select data from users
        where ${filters(query)} and ${sql.join(terms.map(candidate), sql` and `)}
        order by ${score} desc, data->>'createdAt' desc, seq`.execute(trx);
      return rows;
    });
    const matching = rows
      .map((row) => row.data)
      .filter((user) => matchesEvery(terms, searchedWords(user, query.matchEmail)));
    return {
      items: matching.slice(query.offset, query.offset + query.limit),
      total: matching.length,
    };
  }
}

function filters(query: UserQuery): RawBuilder<unknown> {
  const conditions = [sql`true`];
  if (query.role) conditions.push(sql`i_role = ${query.role}`);
  if (query.statuses) conditions.push(sql`i_status = any(${[...query.statuses]}::text[])`);
  return sql.join(conditions, sql` and `);
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(SPACE_OR_PUNCTUATION)
    .filter((word) => word !== '');
}

function searchedWords(user: UserRecord, matchEmail: boolean): string[] {
  const fields = [
    user.username,
    user.firstName,
    user.lastName,
    ...(matchEmail ? [user.email] : []),
  ];
  return fields.flatMap(words);
}

/** MiniSearch's rule with `prefix: true` and one typo allowed in words longer than three letters. */
function matchesEvery(terms: string[], candidates: string[]): boolean {
  return terms.every((term) =>
    candidates.some(
      (word) => word.startsWith(term) || (term.length > 3 && withinOneEdit(term, word)),
    ),
  );
}

/** True when one insertion, deletion or substitution (or none) turns `a` into `b`. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** LIKE's wildcards and escape taken literally. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
