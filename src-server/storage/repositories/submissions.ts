import type { CourseId } from '../../../src-shared/schemas/courses';
import type { DeadlineId } from '../../../src-shared/schemas/deadlines';
import type { SubmissionId } from '../../../src-shared/schemas/submissions';
import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import { deleteListed } from './delete-listed';
import { feedbackRecordSchema, gradeRecordSchema, submissionRecordSchema } from '../record-schemas';
import type { FeedbackRecord, GradeRecord, SubmissionRecord } from '../records';
import type { KeyedRepository, SubmissionsRepository, Window } from '../repositories';

const workKey = (s: Pick<SubmissionRecord, 'deadlineId' | 'studentId'>) =>
  `${s.deadlineId}:${s.studentId}`;

export const submissionsCollectionOptions: CollectionDefinition<SubmissionRecord> = {
  name: 'submissions',
  schema: submissionRecordSchema,
  indexes: {
    deadline: (s) => s.deadlineId,
    course: (s) => s.courseId,
    deadlineStudent: workKey,
  },
};

export class DocumentSubmissionsRepository implements SubmissionsRepository {
  constructor(private readonly submissions: DocumentCollection<SubmissionRecord>) {}
  async get(id: SubmissionId) {
    return this.submissions.get(id);
  }
  async listForDeadline(deadlineId: DeadlineId) {
    return this.submissions.listByIndex('deadline', deadlineId);
  }
  async listForCourse(courseId: CourseId) {
    return this.submissions.listByIndex('course', courseId);
  }
  async pageAll(window: Window, matches?: (record: SubmissionRecord) => boolean) {
    return this.submissions.newestFirst(window, matches);
  }
  /** Counted and inserted as one step by the engine: two resubmissions at once get n and n+1. */
  async addVersion(submission: Omit<SubmissionRecord, 'version'>) {
    return this.submissions.insertNumbered('deadlineStudent', workKey(submission), (count) => ({
      ...submission,
      version: count + 1,
    }));
  }
  async deleteForCourse(courseId: CourseId) {
    return deleteListed(this.submissions, 'course', courseId);
  }
}

export const gradesCollectionOptions: CollectionDefinition<GradeRecord> = {
  name: 'grades',
  schema: gradeRecordSchema,
  indexes: { course: (g) => g.courseId },
};
export const feedbackCollectionOptions: CollectionDefinition<FeedbackRecord> = {
  name: 'feedback',
  schema: feedbackRecordSchema,
  indexes: { course: (f) => f.courseId },
};

/** Grades and feedback: one record per key, replaced whole. */
export class DocumentKeyedRepository<
  T extends { id: string; courseId: CourseId },
> implements KeyedRepository<T> {
  constructor(private readonly records: DocumentCollection<T>) {}
  async get(id: string) {
    return this.records.get(id);
  }
  async listByCourse(courseId: CourseId) {
    return this.records.listByIndex('course', courseId);
  }
  async pageAll(window: Window, matches?: (record: T) => boolean) {
    return this.records.newestFirst(window, matches);
  }
  /** An upsert, so two teachers saving the same grade at once never fail on the id. */
  async put(record: T) {
    return this.records.upsert(record.id, () => record);
  }
  async delete(id: string) {
    return this.records.delete(id);
  }
  async deleteForCourse(courseId: CourseId) {
    return deleteListed(this.records, 'course', courseId);
  }
}
