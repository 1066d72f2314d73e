import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notification } from '../../../src-shared/schemas/notifications';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, type ClientSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';
import { inboxOf, notificationsOfType } from '../../support/inbox';
import { handIn } from '../../support/work';

/** Teachers hear of work handed in (one counting notification per assignment), approvals and leavers. */
let hub: TestHub;
let admin: Person;
let teacher: Person;
let otherTeacher: Person;
let students: Person[];
let courseId: string;
const sockets: ClientSocket[] = [];

const inbox = (person: Person) => inboxOf(hub, person);
const ofType = (person: Person, type: Notification['type']) =>
  notificationsOfType(hub, person, type);

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher' });
  otherTeacher = await signUp(hub, { role: 'teacher' });
  students = [];
  for (let i = 0; i < 4; i++) students.push(await signUp(hub));
  courseId = (
    await hub.call('createCourse', { token: teacher.token, body: { title: 'Optics', capacity: 9 } })
  ).body.id;
  for (const s of students) await hub.call('enrol', { token: s.token, params: { courseId } });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

describe('work handed in', () => {
  it('is one unread notification per assignment that counts up, live, and starts again once read', async () => {
    const deadlineId = (
      await hub.call('createDeadline', {
        token: teacher.token,
        params: { courseId },
        body: { title: 'Essay', dueAt: new Date(Date.now() + 86_400_000).toISOString() },
      })
    ).body.id as string;
    await hub.call('markAllNotificationsRead', { token: teacher.token }); // the enrolments
    const socket = await connectSocket(hub.url, teacher.token);
    sockets.push(socket);
    const live = collect(socket, 'notification:new');
    // On PostgreSQL the enrolments' news leaves after their answers; a ping is answered once it is out.
    await socket.emitWithAck('hub:ping');
    live.splice(0);

    // A class handing in at once.
    await Promise.all(students.slice(0, 3).map((s) => handIn(hub, s, deadlineId)));
    await expect.poll(async () => (await ofType(teacher, 'work-handed-in')).length).toBe(1);
    await expect
      .poll(async () => (await ofType(teacher, 'work-handed-in'))[0]?.params)
      .toMatchObject({ count: 3, deadlineTitle: 'Essay', courseTitle: 'Optics' });
    const [grouped] = await ofType(teacher, 'work-handed-in');
    expect(grouped!.target).toEqual({ kind: 'deadline', courseId, deadlineId });
    expect((await inbox(teacher)).unread).toBe(1);
    // Each live one stands in for the one before it, so the bell shows one entry.
    await expect.poll(() => live.length).toBe(3);
    expect(live.map((n) => n.replaces === undefined)).toEqual([true, false, false]);
    expect(live[2]!.replaces).toBe(live[1]!.seq);

    await hub.call('markAllNotificationsRead', { token: teacher.token });
    await handIn(hub, students[3]!, deadlineId);
    await expect.poll(async () => (await ofType(teacher, 'work-handed-in')).length).toBe(2);
    const [latest, earlier] = await ofType(teacher, 'work-handed-in');
    expect(latest).toMatchObject({ read: false, params: { count: 1 } });
    expect(earlier).toMatchObject({ read: true, params: { count: 3 } });
    expect((await ofType(otherTeacher, 'work-handed-in')).length).toBe(0);
    for (const s of students) expect(await ofType(s, 'work-handed-in')).toEqual([]);
  });
});

describe('a student leaving a course', () => {
  it('tells its teacher, opening the student in the roster', async () => {
    const leaver = students[0]!;
    expect(
      (await hub.call('dropCourse', { token: leaver.token, params: { courseId } })).status,
    ).toBe(200);
    await expect.poll(async () => (await ofType(teacher, 'course-left')).length).toBe(1);
    const [left] = await ofType(teacher, 'course-left');
    expect(left!.target).toEqual({ kind: 'enrolment', courseId, userId: leaver.id });
    expect(await ofType(otherTeacher, 'course-left')).toEqual([]);
  });
});

describe('accounts waiting for approval', () => {
  const register = (role: 'student' | 'teacher') =>
    hub.call('register', {
      body: {
        username: `new_${randomUUID().slice(0, 8)}`,
        firstName: 'Nora',
        lastName: role === 'student' ? 'Student' : 'Teacher',
        email: `${randomUUID().slice(0, 8)}@school.test`,
        password: 'Lantern-Orbit-42',
        role,
      },
    });

  it('tell the people who may approve them: admins of anyone, teachers of students; the target is the approvals list', async () => {
    await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
    expect((await register('student')).status).toBe(201);
    expect((await register('teacher')).status).toBe(201);
    await expect.poll(async () => (await ofType(admin, 'account-pending')).length).toBe(2);
    await expect.poll(async () => (await ofType(teacher, 'account-pending')).length).toBe(1);
    const [forTeacher] = await ofType(teacher, 'account-pending');
    expect(forTeacher).toMatchObject({
      params: { accountName: 'Nora Student', role: 'student' },
      target: { kind: 'approvals' },
    });
    expect((await ofType(otherTeacher, 'account-pending')).length).toBe(1);
    for (const s of students) expect(await ofType(s, 'account-pending')).toEqual([]);
  });

  it('tell no one when accounts confirm their own email', async () => {
    await hub.call('updateSettings', { token: admin.token, body: { verification: 'email' } });
    expect((await register('teacher')).status).toBe(201);
    // Then one that does wait for approval: only it is announced.
    await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
    expect((await register('student')).status).toBe(201);
    await expect.poll(async () => (await ofType(admin, 'account-pending')).length).toBe(1);
    expect((await ofType(admin, 'account-pending'))[0]!.params).toEqual({
      accountName: 'Nora Student',
      role: 'student',
    });
  });
});
