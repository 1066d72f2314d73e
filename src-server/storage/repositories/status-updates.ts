import type { StatusUpdateId, UserId } from '../../../src-shared/ids';
import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import { statusUpdateRecordSchema } from '../record-schemas';
import type { StatusUpdateRecord } from '../records';
import type { Slice, StatusUpdatesRepository, Window } from '../repositories';

export const statusUpdatesCollectionOptions = {
  name: 'status-updates',
  schema: statusUpdateRecordSchema,
  indexes: { author: (update: StatusUpdateRecord) => update.authorId },
} satisfies CollectionDefinition<StatusUpdateRecord>;

/** Profile status updates, on either engine. */
export class DocumentStatusUpdatesRepository implements StatusUpdatesRepository {
  constructor(private readonly updates: DocumentCollection<StatusUpdateRecord>) {}

  async get(id: StatusUpdateId) {
    return this.updates.get(id);
  }
  async pageByAuthor(authorId: UserId, window: Window): Promise<Slice<StatusUpdateRecord>> {
    const all = await this.updates.listByIndex('author', authorId);
    const end = all.length - window.offset;
    const items = all.slice(Math.max(0, end - window.limit), Math.max(0, end)).reverse();
    return { items, total: all.length };
  }
  async pageAll(window: Window, matches?: (record: StatusUpdateRecord) => boolean) {
    return this.updates.newestFirst(window, matches);
  }
  async insert(update: StatusUpdateRecord) {
    return this.updates.insert(update);
  }
  async delete(id: StatusUpdateId) {
    return this.updates.delete(id);
  }
  async deleteByAuthor(authorId: UserId) {
    const mine = await this.updates.listByIndex('author', authorId);
    return this.updates.deleteMany(mine.map((update) => update.id));
  }
}
