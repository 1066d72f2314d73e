import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import { UniqueViolation } from '../errors';
import { doneMarkRecordSchema } from '../record-schemas';
import type { DoneMarksRepository } from '../repositories';

interface DoneMark {
  readonly id: string;
  readonly at: string;
}

export const doneMarksCollectionOptions = {
  name: 'done-marks',
  schema: doneMarkRecordSchema,
} satisfies CollectionDefinition<DoneMark>;

/** Idempotency marks (a job step done once), on either engine: the id's uniqueness is the rule. */
export class DocumentDoneMarksRepository implements DoneMarksRepository {
  constructor(private readonly marks: DocumentCollection<DoneMark>) {}
  async has(key: string) {
    return (await this.marks.get(key)) !== undefined;
  }
  async mark(key: string) {
    try {
      await this.marks.insert({ id: key, at: new Date().toISOString() });
      return true;
    } catch (error) {
      if (error instanceof UniqueViolation) return false;
      throw error;
    }
  }
}
