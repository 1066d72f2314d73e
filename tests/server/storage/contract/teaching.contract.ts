import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { AnnouncementId } from '../../../../src-shared/schemas/announcements';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import type { DeadlineId } from '../../../../src-shared/schemas/deadlines';
import type { OpenedRepositories } from './opened';

export type OpenedTeachingRepositories = OpenedRepositories;

const announcement = (id: string, courseId: string, text = id) => ({
  id: id as AnnouncementId,
  courseId: courseId as CourseId,
  authorId: 'user-teacher' as UserId,
  text,
  files: [],
  createdAt: new Date('2026-12-01T10:00:00Z').toISOString(),
});

/** What the announcements service relies on, whatever stores them. */
export function describeTeachingRepositoriesContract(
  engine: string,
  open: () => Promise<OpenedTeachingRepositories>,
) {
  describe(`announcements repository (${engine})`, () => {
    let store: OpenedTeachingRepositories;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('lists a course’s announcements in the order they were posted, not other courses’', async () => {
      const { announcements } = store;
      await announcements.insert(announcement('a1', 'physics'));
      await announcements.insert(announcement('b1', 'maths'));
      await announcements.insert(announcement('a2', 'physics'));
      expect((await announcements.listForCourse('physics' as CourseId)).map((a) => a.id)).toEqual([
        'a1',
        'a2',
      ]);
      expect(await announcements.listForCourse('history' as CourseId)).toEqual([]);
    });

    it('keeps edits and deletions across a reopen', async () => {
      await store.announcements.insert(announcement('a1', 'physics', 'draft'));
      await store.announcements.insert(announcement('a2', 'physics'));
      await store.announcements.update('a1' as AnnouncementId, (a) => ({ ...a, text: 'final' }));
      expect(await store.announcements.delete('a2' as AnnouncementId)).toBe(true);
      expect(await store.announcements.delete('a2' as AnnouncementId)).toBe(false);
      store = await store.reopen();
      expect(await store.announcements.get('a1' as AnnouncementId)).toMatchObject({
        text: 'final',
      });
      expect(await store.announcements.get('a2' as AnnouncementId)).toBeUndefined();
      expect(
        (await store.announcements.listForCourse('physics' as CourseId)).map((a) => a.id),
      ).toEqual(['a1']);
    });
  });

  describe(`work comments repository (${engine})`, () => {
    let store: OpenedTeachingRepositories;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    const comment = (id: string, deadlineId: string, studentId: string) => ({
      id,
      deadlineId: deadlineId as DeadlineId,
      courseId: 'physics' as CourseId,
      studentId: studentId as UserId,
      authorId: studentId as UserId,
      text: id,
      createdAt: new Date('2026-12-01T10:00:00Z').toISOString(),
    });

    it('keeps each student’s thread on each deadline apart, oldest first, across a reopen', async () => {
      await store.workComments.insert(comment('c1', 'lab', 'emma'));
      await store.workComments.insert(comment('c2', 'lab', 'noah'));
      await store.workComments.insert(comment('c3', 'essay', 'emma'));
      await store.workComments.insert(comment('c4', 'lab', 'emma'));
      store = await store.reopen();
      const ids = async (deadline: string, student: string) =>
        (await store.workComments.listForWork(deadline as DeadlineId, student as UserId)).map(
          (c) => c.id,
        );
      expect(await ids('lab', 'emma')).toEqual(['c1', 'c4']);
      expect(await ids('lab', 'noah')).toEqual(['c2']);
      expect(await ids('essay', 'emma')).toEqual(['c3']);
      expect(await ids('essay', 'noah')).toEqual([]);
    });
  });
}
