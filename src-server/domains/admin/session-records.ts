import type { z } from 'zod';
import type { Page } from '../../../src-shared/pagination';
import type {
  AdminComment,
  AdminPost,
  adminRecordQuerySchema,
} from '../../../src-shared/schemas/admin';
import type { DomainDeps } from '../deps';
import { windowOf } from '../paging';
import {
  RECORD_LOOKUP_REPOSITORIES,
  RecordLookup,
  excerptOf,
  resolveSearch,
  showPage,
} from './record-lookup';

type RecordQuery = z.output<typeof adminRecordQuerySchema>;

/** The repositories AdminSessionRecords reads and writes (createHub hands it exactly these). */
export const ADMIN_SESSION_RECORD_REPOSITORIES = [
  ...RECORD_LOOKUP_REPOSITORIES,
  'comments',
  'posts',
] as const;

/**
 * The admin panel's lists of session posts and comments. Read-only: deletes
 * go through PostService (with the admin as actor) so live updates still fire.
 */
export class AdminSessionRecords {
  constructor(
    private readonly deps: DomainDeps<(typeof ADMIN_SESSION_RECORD_REPOSITORIES)[number]>,
  ) {}

  async posts(query: RecordQuery): Promise<Page<AdminPost>> {
    const search = await resolveSearch(this.deps.storage, query.q);
    const slice = await this.deps.storage.posts.pageAll(
      windowOf(query),
      search &&
        ((p) =>
          search.sessionIds.has(p.sessionId) ||
          search.userIds.has(p.authorId) ||
          search.says(p.text, ...p.files.map((f) => f.fileName))),
    );
    const lookup = new RecordLookup(this.deps.storage);
    return showPage(slice, query, async (p) => ({
      id: p.id,
      session: await lookup.session(p.sessionId),
      author: await lookup.person(p.authorId),
      excerpt: excerptOf(p.text),
      filesCount: p.files.length,
      createdAt: p.createdAt,
    }));
  }

  async comments(query: RecordQuery): Promise<Page<AdminComment>> {
    const search = await resolveSearch(this.deps.storage, query.q);
    const slice = await this.deps.storage.comments.pageAll(
      windowOf(query),
      search &&
        ((c) =>
          search.sessionIds.has(c.sessionId) ||
          search.userIds.has(c.authorId) ||
          search.says(c.text)),
    );
    const lookup = new RecordLookup(this.deps.storage);
    return showPage(slice, query, async (c) => ({
      id: c.id,
      postId: c.postId,
      session: await lookup.session(c.sessionId),
      author: await lookup.person(c.authorId),
      excerpt: excerptOf(c.text),
      createdAt: c.createdAt,
    }));
  }
}
