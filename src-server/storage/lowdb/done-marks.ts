import { UniqueViolation } from '../errors';
import type { DoneMarksRepository } from '../repositories';
import type { LowdbCollection } from './collection';
import { doneMarkRecordSchema } from '../record-schemas';

export const doneMarksCollectionOptions = { name: 'done-marks', schema: doneMarkRecordSchema };

export class LowdbDoneMarksRepository implements DoneMarksRepository {
  constructor(private readonly marks: LowdbCollection<{ id: string; at: string }>) {}
  async has(key: string) {
    return this.marks.get(key) !== undefined;
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
