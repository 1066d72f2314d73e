import type { UserId } from '../../../src-shared/ids';
import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import { messageEditRecordSchema, readMarkerRecordSchema } from '../record-schemas';
import type { MessageEditRecord, ReadMarkerRecord } from '../records';
import type { MessageEditsRepository, ReadMarkersRepository } from '../repositories';

export const messageEditsCollectionOptions: CollectionDefinition<MessageEditRecord> = {
  name: 'message-edits',
  schema: messageEditRecordSchema,
};

/** Only edited or deleted messages have a record here, so it stays small beside the history. */
export class DocumentMessageEditsRepository implements MessageEditsRepository {
  constructor(private readonly edits: DocumentCollection<MessageEditRecord>) {}
  async get(room: string, seq: number) {
    return this.edits.get(`${room}#${seq}`);
  }
  async put(edit: MessageEditRecord) {
    return this.edits.upsert(edit.id, () => edit);
  }
}

export const readMarkersCollectionOptions: CollectionDefinition<ReadMarkerRecord> = {
  name: 'read-markers',
  schema: readMarkerRecordSchema,
  indexes: { user: (marker) => marker.userId },
};

/** A person's read position per stream; put replaces it whole (an upsert, so two devices never clash). */
export class DocumentReadMarkersRepository implements ReadMarkersRepository {
  constructor(private readonly markers: DocumentCollection<ReadMarkerRecord>) {}
  async get(userId: UserId, stream: string) {
    return this.markers.get(`${userId}|${stream}`);
  }
  async put(marker: ReadMarkerRecord) {
    return this.markers.upsert(marker.id, () => marker);
  }
  async listForUser(userId: UserId) {
    return this.markers.listByIndex('user', userId);
  }
}
