import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import type { DeadlineId } from '../../../../src-shared/schemas/deadlines';
import type { SubmissionId } from '../../../../src-shared/schemas/submissions';
import type { GradeRecord } from '../../../../src-server/storage/records';
import type { OpenedRepositories } from './opened';
import { aSubmission, AT } from './records';

const grade = (deadlineId: string, studentId: string, points: number): GradeRecord => ({
  id: `${deadlineId}:${studentId}`,
  deadlineId: deadlineId as DeadlineId,
  courseId: 'physics' as CourseId,
  studentId: studentId as UserId,
  points,
  feedback: '',
  graderId: 'teacher-1' as UserId,
  gradedAt: AT,
});

/** What hand-ins and the gradebook rely on, whatever stores submissions, grades and feedback. */
export function describeSubmissionsContract(
  engine: string,
  open: () => Promise<OpenedRepositories>,
) {
  let store: OpenedRepositories;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  describe(`submissions repository (${engine})`, () => {
    it('numbers each student’s versions per deadline, and lists by deadline and course oldest first', async () => {
      const { submissions } = store;
      await submissions.addVersion(aSubmission('s1', 'lab', 'emma'));
      await submissions.addVersion(aSubmission('s2', 'lab', 'noah'));
      await submissions.addVersion(aSubmission('s3', 'essay', 'emma'));
      const again = await submissions.addVersion(aSubmission('s4', 'lab', 'emma'));
      expect(again).toMatchObject({ id: 's4', version: 2 });
      expect(await submissions.get('s3' as SubmissionId)).toMatchObject({ version: 1 });
      const lab = await submissions.listForDeadline('lab' as DeadlineId);
      expect(lab.map((s) => [s.id, s.version])).toEqual([
        ['s1', 1],
        ['s2', 1],
        ['s4', 2],
      ]);
      expect((await submissions.listForCourse('physics' as CourseId)).map((s) => s.id)).toEqual([
        's1',
        's2',
        's3',
        's4',
      ]);
      expect((await submissions.pageAll({ offset: 0, limit: 1 })).items[0]?.id).toBe('s4');
    });

    it('gives 8 resubmissions racing for one piece of work versions 1 to 8, once each', async () => {
      const added = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          store.submissions.addVersion(aSubmission(`v${i}`, 'lab', 'emma')),
        ),
      );
      expect(added.map((s) => s.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      store = await store.reopen();
      // What each caller was told is what was stored.
      for (const submission of added)
        expect(await store.submissions.get(submission.id)).toMatchObject({
          version: submission.version,
        });
      expect((await store.submissions.addVersion(aSubmission('v9', 'lab', 'emma'))).version).toBe(
        9,
      );
    });
  });

  describe(`grades and feedback repositories (${engine})`, () => {
    it('replaces a grade whole on put, even with two puts at once, and deletes it', async () => {
      const { grades } = store;
      await grades.put(grade('lab', 'emma', 5));
      await grades.put(grade('lab', 'noah', 6));
      await Promise.all([grades.put(grade('lab', 'emma', 7)), grades.put(grade('lab', 'emma', 7))]);
      await Promise.all([
        grades.put(grade('essay', 'emma', 1)),
        grades.put(grade('essay', 'emma', 1)),
      ]);
      store = await store.reopen();
      expect(await store.grades.get('lab:emma')).toMatchObject({ points: 7 });
      expect(
        (await store.grades.listByCourse('physics' as CourseId)).map((g) => g.id).sort(),
      ).toEqual(['essay:emma', 'lab:emma', 'lab:noah']);
      expect(await store.grades.delete('lab:noah')).toBe(true);
      expect(await store.grades.get('lab:noah')).toBeUndefined();
      expect((await store.grades.pageAll({ offset: 0, limit: 10 })).total).toBe(2);
    });

    it('keeps one feedback record per student and course', async () => {
      const feedback = (rating: number) => ({
        id: 'physics:emma',
        courseId: 'physics' as CourseId,
        studentId: 'emma' as UserId,
        rating,
        comment: '',
        anonymous: true,
        createdAt: AT,
        updatedAt: AT,
      });
      await store.feedback.put(feedback(3));
      await store.feedback.put(feedback(5));
      expect(await store.feedback.listByCourse('physics' as CourseId)).toEqual([feedback(5)]);
    });
  });
}
