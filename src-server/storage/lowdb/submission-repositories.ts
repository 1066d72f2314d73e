import type { CourseId, DeadlineId } from '../../../src-shared/schemas/courses';
import type { SubmissionId } from '../../../src-shared/schemas/submissions';
import type { SubmissionRecord } from '../records';
import type { KeyedRepository, SubmissionsRepository, Window } from '../repositories';
import type { LowdbCollection } from './collection';
import { submissionRecordSchema, gradeRecordSchema, feedbackRecordSchema } from '../record-schemas';

export const submissionsCollectionOptions = {
  name: 'submissions',
  schema: submissionRecordSchema,
  indexes: {
    deadline: (s: SubmissionRecord) => s.deadlineId,
    course: (s: SubmissionRecord) => s.courseId,
    deadlineStudent: (s: SubmissionRecord) => `${s.deadlineId}:${s.studentId}`,
  },
};

export class LowdbSubmissionsRepository implements SubmissionsRepository {
  constructor(private readonly submissions: LowdbCollection<SubmissionRecord>) {}
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
  async addVersion(submission: Omit<SubmissionRecord, 'version'>) {
    // Counting and inserting with no await between: two resubmissions at once get versions n and n+1.
    const version =
      this.submissions.countByIndex(
        'deadlineStudent',
        `${submission.deadlineId}:${submission.studentId}`,
      ) + 1;
    return this.submissions.insert({ ...submission, version });
  }
}

export const gradesCollectionOptions = {
  name: 'grades',
  schema: gradeRecordSchema,
  indexes: { course: (g: { courseId: string }) => g.courseId },
};
export const feedbackCollectionOptions = {
  name: 'feedback',
  schema: feedbackRecordSchema,
  indexes: { course: (f: { courseId: string }) => f.courseId },
};

export class LowdbKeyedRepository<
  T extends { id: string; courseId: CourseId },
> implements KeyedRepository<T> {
  constructor(private readonly records: LowdbCollection<T>) {}
  async get(id: string) {
    return this.records.get(id);
  }
  async listByCourse(courseId: CourseId) {
    return this.records.listByIndex('course', courseId);
  }
  async pageAll(window: Window, matches?: (record: T) => boolean) {
    return this.records.newestFirst(window, matches);
  }
  async put(record: T) {
    return this.records.get(record.id)
      ? (await this.records.update(record.id, () => record))!
      : this.records.insert(record);
  }
  async delete(id: string) {
    return this.records.delete(id);
  }
}
