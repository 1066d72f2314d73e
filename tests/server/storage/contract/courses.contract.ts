import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { CourseId, MaterialId } from '../../../../src-shared/schemas/courses';
import type { DeadlineId } from '../../../../src-shared/schemas/deadlines';
import type { OpenedRepositories } from './opened';
import { aCourse, aFile, anEnrolment, aSubmission, AT } from './records';

const uniqueViolation = (key: string) => ({ name: 'UniqueViolation', key });
const ids = (records: readonly { id: string }[]) => records.map((record) => record.id);

/** What the courses domain relies on, whatever stores courses, enrolments, materials and deadlines. */
export function describeCoursesContract(engine: string, open: () => Promise<OpenedRepositories>) {
  let store: OpenedRepositories;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  describe(`courses repository (${engine})`, () => {
    it('finds courses by code, join code and teacher; lists every course newest first', async () => {
      const { courses } = store;
      await courses.insert(aCourse('c1', 'CS101'));
      await courses.insert(aCourse('c2', 'CS102', 'teacher-2'));
      await courses.insert(aCourse('c3', 'MA101'));
      expect(await courses.findByCode('CS102')).toMatchObject({ id: 'c2' });
      expect(await courses.findByJoinCode('JOINMA101')).toMatchObject({ id: 'c3' });
      expect(await courses.findByCode('XX999')).toBeUndefined();
      expect(ids(await courses.listForTeacher('teacher-1' as UserId))).toEqual(['c1', 'c3']);
      expect((await courses.codesWithPrefix('CS')).sort()).toEqual(['CS101', 'CS102']);
      expect(ids(await courses.all())).toEqual(['c3', 'c2', 'c1']);
    });

    it('refuses a course code or join code already in use, on insert and on update', async () => {
      const { courses } = store;
      await courses.insert(aCourse('c1', 'CS101'));
      await courses.insert(aCourse('c2', 'CS102'));
      await expect(courses.insert(aCourse('c3', 'CS101'))).rejects.toMatchObject(
        uniqueViolation('code'),
      );
      await expect(
        courses.insert({ ...aCourse('c3', 'CS103'), joinCode: 'JOINCS102' }),
      ).rejects.toMatchObject(uniqueViolation('joinCode'));
      await expect(
        courses.update('c2' as CourseId, (c) => ({ ...c, code: 'CS101' })),
      ).rejects.toMatchObject(uniqueViolation('code'));
      expect(await courses.get('c2' as CourseId)).toMatchObject({ code: 'CS102' });
      expect(await courses.get('c3' as CourseId)).toBeUndefined();
    });

    it('keeps an edit across a reopen, with its keys moved to the new values', async () => {
      await store.courses.insert(aCourse('c1', 'CS101'));
      await store.courses.update('c1' as CourseId, (c) => ({
        ...c,
        code: 'PH101',
        title: 'Optics',
      }));
      store = await store.reopen();
      expect(await store.courses.get('c1' as CourseId)).toMatchObject({ title: 'Optics' });
      expect(await store.courses.codesWithPrefix('CS')).toEqual([]);
      expect(await store.courses.codesWithPrefix('PH')).toEqual(['PH101']);
      expect(await store.courses.findByCode('CS101')).toBeUndefined();
      await expect(store.courses.update('nope' as CourseId, (c) => c)).resolves.toBeUndefined();
    });

    it('hides a course marked deleted from every read and edit, lists it for finishing, then deletes it', async () => {
      const { courses } = store;
      await courses.insert(aCourse('c1', 'CS101'));
      await courses.insert(aCourse('c2', 'CS102'));
      expect(await courses.markDeleted('c1' as CourseId, AT)).toMatchObject({ deletedAt: AT });
      store = await store.reopen();
      const again = store.courses;
      expect(await again.get('c1' as CourseId)).toBeUndefined();
      expect(await again.findByCode('CS101')).toBeUndefined();
      expect(await again.findByJoinCode('JOINCS101')).toBeUndefined();
      expect(ids(await again.all())).toEqual(['c2']);
      expect(ids(await again.listForTeacher('teacher-1' as UserId))).toEqual(['c2']);
      await expect(
        again.update('c1' as CourseId, (c) => ({ ...c, title: 'Back' })),
      ).resolves.toBeUndefined();
      expect(ids(await again.listMarkedDeleted())).toEqual(['c1']);
      expect(await again.delete('c1' as CourseId)).toBe(true);
      expect(await again.listMarkedDeleted()).toEqual([]);
      expect(await again.codesWithPrefix('CS')).toEqual(['CS102']);
    });
  });

  describe(`enrolments repository (${engine})`, () => {
    it('lets exactly 5 of 20 students racing for 5 seats in, and stores nothing for the others', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.enrolments.activateIfRoom(anEnrolment('physics', `s${i}`), 5),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(5);
      expect(await store.enrolments.countActive('physics' as CourseId)).toBe(5);
      const admitted = results.flatMap((won, i) => (won ? [`physics:s${i}`] : []));
      expect(ids(await store.enrolments.listForCourse('physics' as CourseId)).sort()).toEqual(
        admitted.sort(),
      );
      store = await store.reopen();
      expect(await store.enrolments.countActive('physics' as CourseId)).toBe(5);
    });

    it('gives a freed seat back, refuses an active duplicate and counts only active enrolments', async () => {
      const { enrolments } = store;
      const physics = 'physics' as CourseId;
      expect(await enrolments.activateIfRoom(anEnrolment('physics', 'emma'), 1)).toBe(true);
      await expect(
        enrolments.activateIfRoom(anEnrolment('physics', 'emma'), 5),
      ).rejects.toMatchObject(uniqueViolation('id'));
      await enrolments.update(physics, 'emma' as UserId, (e) => ({ ...e, status: 'dropped' }));
      expect(await enrolments.countActive(physics)).toBe(0);
      expect(await enrolments.activateIfRoom(anEnrolment('physics', 'noah'), 1)).toBe(true);
      // Full again: emma's dropped record stays as it was.
      expect(await enrolments.activateIfRoom(anEnrolment('physics', 'emma'), 1)).toBe(false);
      expect(await enrolments.get(physics, 'emma' as UserId)).toMatchObject({ status: 'dropped' });
      expect(await enrolments.activateIfRoom(anEnrolment('physics', 'emma'), 2)).toBe(true);
      expect(await enrolments.get(physics, 'emma' as UserId)).toMatchObject({ status: 'active' });
      expect(await enrolments.countActive(physics)).toBe(2);
    });

    it('lists by course and by person, pages everything newest first, deletes a person’s enrolments', async () => {
      const { enrolments } = store;
      for (const [course, user] of [
        ['physics', 'emma'],
        ['maths', 'emma'],
        ['physics', 'noah'],
      ] as const)
        await enrolments.activateIfRoom(anEnrolment(course, user), 10);
      expect(ids(await enrolments.listForUser('emma' as UserId))).toEqual([
        'physics:emma',
        'maths:emma',
      ]);
      expect(await enrolments.pageAll({ offset: 0, limit: 2 })).toEqual({
        items: [
          expect.objectContaining({ id: 'physics:noah' }),
          expect.objectContaining({ id: 'maths:emma' }),
        ],
        total: 3,
      });
      const emmas = await enrolments.pageAll({ offset: 1, limit: 5 }, (e) => e.userId === 'emma');
      expect({ ids: ids(emmas.items), total: emmas.total }).toEqual({
        ids: ['physics:emma'],
        total: 2,
      });
      expect(await enrolments.deleteForUser('emma' as UserId)).toBe(2);
      expect(ids(await enrolments.listForCourse('physics' as CourseId))).toEqual(['physics:noah']);
      expect(await enrolments.delete('physics' as CourseId, 'noah' as UserId)).toBe(true);
      expect(await enrolments.delete('physics' as CourseId, 'noah' as UserId)).toBe(false);
    });
  });

  describe(`materials and deadlines repositories (${engine})`, () => {
    const material = (id: string, courseId: string) => ({
      id: id as MaterialId,
      courseId: courseId as CourseId,
      title: id,
      file: aFile(`file-${id}`) as never,
      createdAt: AT,
      updatedAt: AT,
    });
    const deadline = (id: string, courseId: string) => ({
      id: id as DeadlineId,
      courseId: courseId as CourseId,
      title: id,
      description: '',
      dueAt: AT,
      maxPoints: 10,
      acceptLate: false,
      createdAt: AT,
      updatedAt: AT,
    });

    it('keeps each course’s items in the order added, with edits and deletions across a reopen', async () => {
      await store.materials.insert(material('m1', 'physics'));
      await store.materials.insert(material('m2', 'maths'));
      await store.materials.insert(material('m3', 'physics'));
      await store.deadlines.insert(deadline('d1', 'physics'));
      await store.deadlines.insert(deadline('d2', 'physics'));
      await store.materials.update('m1' as MaterialId, (m) => ({ ...m, title: 'Slides' }));
      expect(await store.deadlines.delete('d1' as DeadlineId)).toBe(true);
      store = await store.reopen();
      expect(ids(await store.materials.listForCourse('physics' as CourseId))).toEqual(['m1', 'm3']);
      expect(await store.materials.get('m1' as MaterialId)).toMatchObject({ title: 'Slides' });
      expect(ids(await store.deadlines.listForCourse('physics' as CourseId))).toEqual(['d2']);
      expect(await store.deadlines.get('d1' as DeadlineId)).toBeUndefined();
      expect((await store.materials.pageAll({ offset: 0, limit: 10 })).total).toBe(3);
      await expect(store.materials.insert(material('m1', 'physics'))).rejects.toMatchObject(
        uniqueViolation('id'),
      );
    });

    it('deletes one course’s items, enrolments and work by index, leaving other courses alone', async () => {
      await store.materials.insert(material('m1', 'physics'));
      await store.materials.insert(material('m2', 'maths'));
      await store.deadlines.insert(deadline('d1', 'physics'));
      await store.deadlines.insert(deadline('d2', 'maths'));
      await store.enrolments.activateIfRoom(anEnrolment('physics', 's1'), 5);
      await store.enrolments.activateIfRoom(anEnrolment('maths', 's1'), 5);
      await store.submissions.addVersion(aSubmission('w1', 'd1', 's1'));
      await store.submissions.addVersion({
        ...aSubmission('w2', 'd2', 's1'),
        courseId: 'maths' as CourseId,
      });
      expect(await store.materials.deleteForCourse('physics' as CourseId)).toBe(1);
      expect(await store.deadlines.deleteForCourse('physics' as CourseId)).toBe(1);
      expect(await store.enrolments.deleteForCourse('physics' as CourseId)).toBe(1);
      expect(await store.submissions.deleteForCourse('physics' as CourseId)).toBe(1);
      expect(await store.materials.deleteForCourse('physics' as CourseId)).toBe(0);
      store = await store.reopen();
      expect(ids(await store.materials.listForCourse('maths' as CourseId))).toEqual(['m2']);
      expect(await store.materials.listForCourse('physics' as CourseId)).toEqual([]);
      expect(ids(await store.deadlines.listForCourse('maths' as CourseId))).toEqual(['d2']);
      expect(await store.enrolments.listForCourse('physics' as CourseId)).toEqual([]);
      expect(ids(await store.enrolments.listForUser('s1' as UserId))).toEqual(['maths:s1']);
      expect(await store.submissions.listForCourse('physics' as CourseId)).toEqual([]);
      expect(ids(await store.submissions.listForCourse('maths' as CourseId))).toEqual(['w2']);
    });
  });
}
