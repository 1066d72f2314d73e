import type { UserId } from '../../../src-shared/ids';
import type { MessageEditRecord, ReadMarkerRecord } from '../records';
import type { MessageEditsRepository, ReadMarkersRepository } from '../repositories';
import type { LowdbCollection } from './collection';
import { messageEditRecordSchema, readMarkerRecordSchema } from '../record-schemas';

export const messageEditsCollectionOptions = {
  name: 'message-edits',
  schema: messageEditRecordSchema,
};

/** Only edited or deleted messages have a record here, so it stays small beside the history. */
export class LowdbMessageEditsRepository implements MessageEditsRepository {
  constructor(private readonly edits: LowdbCollection<MessageEditRecord>) {}
  async get(room: string, seq: number) {
    return this.edits.get(`${room}#${seq}`);
  }
  async put(edit: MessageEditRecord) {
    return this.edits.get(edit.id)
      ? (await this.edits.update(edit.id, () => edit))!
      : this.edits.insert(edit);
  }
}

export const readMarkersCollectionOptions = {
  name: 'read-markers',
  schema: readMarkerRecordSchema,
  indexes: { user: (marker: ReadMarkerRecord) => marker.userId },
};

export class LowdbReadMarkersRepository implements ReadMarkersRepository {
  constructor(private readonly markers: LowdbCollection<ReadMarkerRecord>) {}
  async get(userId: UserId, stream: string) {
    return this.markers.get(`${userId}|${stream}`);
  }
  async put(marker: ReadMarkerRecord) {
    return this.markers.get(marker.id)
      ? (await this.markers.update(marker.id, () => marker))!
      : this.markers.insert(marker);
  }
  async listForUser(userId: UserId) {
    return this.markers.listByIndex('user', userId);
  }
}
