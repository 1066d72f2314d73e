import { sql, type Kysely } from 'kysely';
import { createDocumentTable, dropDocumentTable, type DocumentTableKeys } from './document-table';

/**
 * One table per collection (the names of archive-port.ts ARCHIVE_COLLECTIONS),
 * with the unique keys and indexes the collections' options define at this
 * version. Written out literally: a migration is frozen once released, so it
 * must not follow later changes of the live options.
 */
export const COLLECTIONS_001: Record<string, DocumentTableKeys> = {
  settings: {},
  users: { unique: ['username', 'email'], indexes: ['status', 'role', 'activeAdmin'] },
  'auth-sessions': { indexes: ['user', 'expiryDay'] },
  'account-tokens': { unique: ['hash'], indexes: ['user', 'expiryDay'] },
  'status-updates': { indexes: ['author'] },
  uploads: {},
  courses: { unique: ['code', 'joinCode'], indexes: ['teacher', 'prefix'] },
  enrolments: { indexes: ['course', 'user', 'activeInCourse'] },
  materials: { indexes: ['course'] },
  deadlines: { indexes: ['course'] },
  submissions: { indexes: ['deadline', 'course', 'deadlineStudent'] },
  grades: { indexes: ['course'] },
  feedback: { indexes: ['course'] },
  'done-marks': {},
  sessions: { unique: ['joinToken'] },
  'session-members': { indexes: ['session', 'user', 'activeInSession'] },
  posts: { indexes: ['session'] },
  comments: { indexes: ['post', 'session'] },
  'message-edits': {},
  'read-markers': { indexes: ['user'] },
  announcements: { indexes: ['course'] },
  'work-comments': { indexes: ['work'] },
};

export async function up(db: Kysely<unknown>): Promise<void> {
  // Trigram matching ranks people search and forgives typos (postgres/users-search.ts).
  await sql`create extension if not exists pg_trgm`.execute(db);
  for (const [collection, keys] of Object.entries(COLLECTIONS_001))
    await createDocumentTable(db, collection, keys);
  // The same expressions as postgres/users-search.ts, so its matching is answered from these indexes.
  await sql`create index users__search_names on users using gin ((
    lower(coalesce(data->>'username', '') || ' ' || coalesce(data->>'firstName', '') || ' ' || coalesce(data->>'lastName', ''))
  ) gin_trgm_ops)`.execute(db);
  await sql`create index users__search_email on users using gin ((
    lower(coalesce(data->>'email', ''))
  ) gin_trgm_ops)`.execute(db);
  // The admin panel's account list, newest first, without sorting every account.
  await sql`create index users__created_at on users ((data->>'createdAt'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const collection of Object.keys(COLLECTIONS_001)) await dropDocumentTable(db, collection);
}
