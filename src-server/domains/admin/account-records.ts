import type { z } from 'zod';
import type { Page } from '../../../src-shared/pagination';
import type { AdminStatusUpdate, adminRecordQuerySchema } from '../../../src-shared/schemas/admin';
import type { DomainDeps } from '../deps';
import { windowOf } from '../paging';
import { RECORD_LOOKUP_REPOSITORIES, RecordLookup, resolveSearch, showPage } from './record-lookup';

type RecordQuery = z.output<typeof adminRecordQuerySchema>;

/** The repositories AdminAccountRecords reads (createHub hands it exactly these). */
export const ADMIN_ACCOUNT_RECORD_REPOSITORIES = [
  ...RECORD_LOOKUP_REPOSITORIES,
  'statusUpdates',
] as const;

/**
 * The admin panel's list of everyone's status updates. Read-only: a delete
 * goes through `deleteStatusUpdate` (its author or an admin), as on a profile.
 */
export class AdminAccountRecords {
  constructor(
    private readonly deps: DomainDeps<(typeof ADMIN_ACCOUNT_RECORD_REPOSITORIES)[number]>,
  ) {}

  async statusUpdates(query: RecordQuery): Promise<Page<AdminStatusUpdate>> {
    const search = await resolveSearch(this.deps.storage, query.q);
    const slice = await this.deps.storage.statusUpdates.pageAll(
      windowOf(query),
      search && ((u) => search.userIds.has(u.authorId) || search.says(u.text)),
    );
    const lookup = new RecordLookup(this.deps.storage);
    return showPage(slice, query, async (u) => ({
      id: u.id,
      author: await lookup.person(u.authorId),
      text: u.text,
      createdAt: u.createdAt,
    }));
  }
}
