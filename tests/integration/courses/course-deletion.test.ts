import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStorage } from '../../../src-server/storage/open-storage';
import type { CourseId } from '../../../src-shared/schemas/courses';
import { silentLogger } from '../../server/storage/helpers';
import { upload } from '../../support/files';
import { signUp, type Person } from '../../support/people';
import { connectSocket, nextHint, type ClientSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';
import { describeOnLowdb } from '../../support/test-engine';
import { handIn } from '../../support/work';

let hub: TestHub;
let admin: Person;
let teacher: Person;
let student: Person;
let outsider: Person;
let courseId: string;
const sockets: ClientSocket[] = [];

/** A course with one of everything: a student, a material, a deadline with work, a grade, an announcement. */
async function fullCourse(): Promise<string> {
  const id = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', capacity: 9 },
    })
  ).body.id as string;
  expect((await hub.call('enrol', { token: student.token, params: { courseId: id } })).status).toBe(
    200,
  );
  const file = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    Buffer.from('notes'),
    'notes.txt',
    'text/plain',
    'POST',
  );
  expect(
    (
      await hub.call('addMaterial', {
        token: teacher.token,
        params: { courseId: id },
        body: { fileId: file.body.id },
      })
    ).status,
  ).toBe(201);
  const deadlineId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId: id },
      body: { title: 'Lab report', dueAt: '2030-11-30T17:00:00Z', maxPoints: 20 },
    })
  ).body.id as string;
  await handIn(hub, student, deadlineId);
  expect(
    (
      await hub.call('createAnnouncement', {
        token: teacher.token,
        params: { courseId: id },
        body: { text: 'Welcome', fileIds: [] },
      })
    ).status,
  ).toBe(201);
  return id;
}

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub);
  outsider = await signUp(hub);
  courseId = await fullCourse();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

const remove = (by: Person, id = courseId) =>
  hub.call('deleteCourse', { token: by.token, params: { courseId: id } });

describe('deleting a course', () => {
  it('takes the course’s class session with it, and its members lose it', async () => {
    const session = await hub.call('createSession', {
      token: teacher.token,
      body: { title: 'Live physics', courseId },
    });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const sessionId = session.body.id as string;
    expect(
      (await hub.call('courseDeletionPreview', { token: admin.token, params: { courseId } })).body
        .sessions,
    ).toBe(1);
    expect((await remove(admin)).status).toBe(200);
    for (const person of [teacher, student, admin])
      expect(
        (await hub.call('session', { token: person.token, params: { sessionId } })).status,
      ).toBe(404);
  });

  it('is for admins only: its teacher is told to archive, others are refused, an unknown id is 404', async () => {
    const asTeacher = await remove(teacher);
    expect(asTeacher.status).toBe(403);
    expect(asTeacher.body.error.message).toMatch(
      /Only an admin can delete a course\. Archive it instead/,
    );
    for (const person of [student, outsider]) {
      const reply = await remove(person);
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toBe('Only an admin can delete a course.');
      expect(
        (await hub.call('courseDeletionPreview', { token: person.token, params: { courseId } }))
          .status,
      ).toBe(403);
    }
    expect((await remove(admin, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await hub.call('course', { token: student.token, params: { courseId } })).status).toBe(
      200,
    );
  });

  it('shows the admin what will go, removes it all, and leaves no screen failing afterwards', async () => {
    const preview = await hub.call('courseDeletionPreview', {
      token: admin.token,
      params: { courseId },
    });
    const summary = {
      enrolments: 1,
      materials: 1,
      deadlines: 1,
      submissions: 1,
      announcements: 1,
      sessions: 0,
    };
    expect(preview.body).toEqual(summary);
    const done = await remove(admin);
    expect(done.status).toBe(200);
    expect(done.body).toEqual(summary);
    expect((await remove(admin)).status).toBe(404);
    for (const person of [admin, teacher, student])
      expect((await hub.call('course', { token: person.token, params: { courseId } })).status).toBe(
        404,
      );
    expect(
      (await hub.call('materials', { token: student.token, params: { courseId } })).status,
    ).toBe(404);
    expect(
      (await hub.call('announcements', { token: student.token, params: { courseId } })).status,
    ).toBe(404);
    // Every list that showed the course's parts answers, without them.
    const lists = [
      ['courses', teacher, {}],
      ['courses', student, { scope: 'mine' }],
      ['adminEnrolments', admin, {}],
      ['adminMaterials', admin, {}],
      ['adminDeadlines', admin, {}],
      ['adminSubmissions', admin, {}],
      ['activity', student, {}],
      ['upcomingDeadlines', student, {}],
    ] as const;
    for (const [name, person, query] of lists) {
      const reply = await hub.call(name, { token: person.token, query });
      expect(reply.status, `${name}: ${JSON.stringify(reply.body)}`).toBe(200);
      expect(reply.body.total ?? reply.body.items?.length ?? 0, name).toBe(0);
    }
  });

  it('takes the members out of the course at once and tells them live', async () => {
    const before = await hub.call('chatHistory', {
      token: student.token,
      params: { room: `course:${courseId}` },
    });
    expect(before.status).toBe(200);
    const socket = await connectSocket(hub.url, student.token);
    sockets.push(socket);
    const heard = nextHint(socket, { topic: `person:${student.id}`, what: 'enrolments' });
    expect((await remove(admin)).status).toBe(200);
    await heard;
    for (const person of [student, teacher]) {
      const history = await hub.call('chatHistory', {
        token: person.token,
        params: { room: `course:${courseId}` },
      });
      expect(history.status, JSON.stringify(history.body)).toBeGreaterThanOrEqual(403);
      expect(history.status).toBeLessThan(500);
    }
  });
});

// The half-done state is made by writing to the stopped hub's lowdb folder; the sweep is the same code on both engines.
describeOnLowdb('makes the half-deleted state by opening the lowdb data folder directly')(
  'a deletion cut short by a crash',
  () => {
    it('is finished at the next start, before anyone asks, with no request failing', async () => {
      await hub.close();
      const storage = await openStorage(hub.dataDir, silentLogger);
      // As if the hub died after hiding the course and removing only its enrolments.
      await storage.courses.markDeleted(courseId as CourseId, new Date().toISOString());
      await storage.enrolments.deleteForCourse(courseId as CourseId);
      await storage.close();
      const again = await startHub({ verification: 'none', dataDir: hub.dataDir });
      try {
        for (const person of [admin, teacher, student])
          expect(
            (await again.call('course', { token: person.token, params: { courseId } })).status,
          ).toBe(404);
        expect((await again.call('adminMaterials', { token: admin.token })).body.total).toBe(0);
        expect((await again.call('adminSubmissions', { token: admin.token })).body.total).toBe(0);
      } finally {
        await again.close();
      }
      const after = await openStorage(hub.dataDir, silentLogger);
      try {
        expect(await after.courses.listMarkedDeleted()).toEqual([]);
        expect(await after.announcements.listForCourse(courseId as CourseId)).toEqual([]);
        expect(await after.submissions.listForCourse(courseId as CourseId)).toEqual([]);
      } finally {
        await after.close();
      }
    });
  },
);
