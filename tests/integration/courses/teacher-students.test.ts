import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';
import { startCourseScene, type Scene } from './course-scene';
import { notificationsOfType } from '../../support/inbox';

let hub: TestHub;
let teacher: Person;
let otherTeacher: Person;
let student: Person;
let createCourse: Scene['createCourse'];

beforeEach(async () => {
  ({ hub, teacher, otherTeacher, student, createCourse } = await startCourseScene());
});
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

describe('the teacher’s students', () => {
  it('lists each student once across courses, filterable by course and name', async () => {
    const one = await createCourse('One');
    const two = await createCourse('Two');
    const liam = await signUp(hub, { role: 'student', username: 'liam_w', lastName: 'Walker' });
    for (const course of [one, two])
      await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    await hub.call('enrol', { token: liam.token, params: { courseId: two.id } });
    const all = await hub.call('myStudents', { token: teacher.token });
    expect(all.body.total).toBe(2);
    const emma = all.body.items.find(
      (row: { student: { username: string } }) => row.student.username === 'emma1',
    );
    expect(emma.enrolments.map((e: { courseCode: string }) => e.courseCode).sort()).toEqual([
      'CS101',
      'CS102',
    ]);
    expect(
      (await hub.call('myStudents', { token: teacher.token, query: { courseId: one.id } })).body
        .total,
    ).toBe(1);
    expect(
      (await hub.call('myStudents', { token: teacher.token, query: { q: 'walker' } })).body.items[0]
        .student.username,
    ).toBe('liam_w');
    expect((await hub.call('myStudents', { token: student.token })).status).toBe(403);
    expect(
      (
        await hub.call('courseEnrolments', {
          token: otherTeacher.token,
          params: { courseId: one.id },
        })
      ).status,
    ).toBe(403);
  });

  it('blocks a student at once: the course chat refuses them and stops reaching their open socket', async () => {
    const course = await createCourse();
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    const room = `course:${course.id}`;
    const teacherSocket = await connectSocket(hub.url, teacher.token);
    const studentSocket = await connectSocket(hub.url, student.token);
    sockets.push(teacherSocket, studentSocket);
    const first = nextEvent(studentSocket, 'chat:message');
    await teacherSocket.emitWithAck('chat:send', {
      room,
      clientId: randomUUID(),
      text: 'Welcome!',
    });
    expect(await first).toMatchObject({ room, text: 'Welcome!' });

    const blocked = await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId: course.id, userId: student.id },
      body: { status: 'blocked' },
    });
    expect(blocked.body.status).toBe('blocked');
    const after = collect(studentSocket, 'chat:message');
    const teacherSees = nextEvent(teacherSocket, 'chat:message');
    await teacherSocket.emitWithAck('chat:send', {
      room,
      clientId: randomUUID(),
      text: 'After the block',
    });
    await teacherSees;
    expect(after).toEqual([]);
    const refused = await studentSocket.emitWithAck('chat:send', {
      room,
      clientId: randomUUID(),
      text: 'hello?',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Your teacher has blocked you from this course.' },
    });
    expect(
      (await hub.call('enrol', { token: student.token, params: { courseId: course.id } })).status,
    ).toBe(403);

    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId: course.id, userId: student.id },
      body: { status: 'active' },
    });
    expect(
      await studentSocket.emitWithAck('chat:send', { room, clientId: randomUUID(), text: 'back!' }),
    ).toMatchObject({ ok: true });
  });

  it('removes a student, who may enrol again', async () => {
    const course = await createCourse();
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    expect(
      (
        await hub.call('removeEnrolment', {
          token: teacher.token,
          params: { courseId: course.id, userId: student.id },
        })
      ).status,
    ).toBe(204);
    expect(
      (await hub.call('course', { token: student.token, params: { courseId: course.id } })).body
        .myEnrolment,
    ).toBeNull();
    expect(
      (await hub.call('enrol', { token: student.token, params: { courseId: course.id } })).status,
    ).toBe(200);
  });

  it('tells the teacher about an enrolment and the student about a block', async () => {
    const course = await createCourse();
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    await expect
      .poll(async () => (await notificationsOfType(hub, teacher, 'course-enrolment'))[0])
      .toMatchObject({
        type: 'course-enrolment',
        params: { studentName: 'Robin Quill', courseCode: 'CS101' },
        target: { kind: 'enrolment', courseId: course.id, userId: student.id },
      });
    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId: course.id, userId: student.id },
      body: { status: 'blocked' },
    });
    await expect
      .poll(async () => (await notificationsOfType(hub, student, 'course-blocked')).length)
      .toBe(1);
  });
});
