import type { SessionId } from '../../../src-shared/schemas/sessions';
import { classToolRecordSchema } from '../record-schemas';
import type { ClassToolRecord } from '../records';
import type { ClassToolsRepository } from '../repositories-class-tools';
import type { DocumentCollection } from '../document-collection';

const toolKey = (sessionId: string, tool: string) => `${sessionId}/${tool}`;

export const classToolsCollectionOptions = {
  name: 'class-tools',
  schema: classToolRecordSchema,
  indexes: { tool: (r: ClassToolRecord) => toolKey(r.sessionId, r.tool) },
};

export class DocumentClassToolsRepository implements ClassToolsRepository {
  constructor(private readonly records: DocumentCollection<ClassToolRecord>) {}
  async get(id: string) {
    return this.records.get(id);
  }
  async listForTool(sessionId: SessionId, tool: string) {
    return this.records.listByIndex('tool', toolKey(sessionId, tool));
  }
  async put(record: ClassToolRecord) {
    return this.records.upsert(record.id, () => record);
  }
  async update(id: string, change: (current: ClassToolRecord) => ClassToolRecord) {
    return this.records.update(id, change);
  }
  async delete(id: string) {
    return this.records.delete(id);
  }
}
