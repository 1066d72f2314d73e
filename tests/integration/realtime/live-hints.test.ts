import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveHint } from '../../../src-shared/events';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, type ClientSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';
import { handIn } from '../../support/work';

/**
 * `live:changed` hints reach exactly the people allowed to see their topic:
 * a course's content its teacher and students, one student's hand-in and
 * grade that student and the teacher (never a classmate), approvals the
 * approvers, the admin panel the admin.
 */
let hub: TestHub;
let admin: Person;
let teacher: Person;
let emma: Person;
let liam: Person;
let outsider: Person;
let courseId: string;
const sockets: ClientSocket[] = [];
type Heard = Record<'admin' | 'teacher' | 'emma' | 'liam' | 'outsider', LiveHint[]>;
let heard: Heard;

const settle = () => Promise.all(sockets.map((s) => s.emitWithAck('hub:ping')));
const topics = (hints: LiveHint[]) => hints.map((h) => `${h.topic} ${h.what}`);
const clear = () => Object.values(heard).forEach((list) => list.splice(0));

async function listen(): Promise<Heard> {
  const people = { admin, teacher, emma, liam, outsider };
  const entries = await Promise.all(
    Object.entries(people).map(async ([name, person]) => {
      const socket = await connectSocket(hub.url, person.token);
      sockets.push(socket);
      return [name, collect(socket, 'live:changed')] as const;
    }),
  );
  return Object.fromEntries(entries) as Heard;
}

async function newDeadline(title = 'Essay') {
  const created = await hub.call('createDeadline', {
    token: teacher.token,
    params: { courseId },
    body: { title, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub, { role: 'teacher' }); // the first account is the admin
  teacher = await signUp(hub, { role: 'teacher' });
  emma = await signUp(hub);
  liam = await signUp(hub);
  outsider = await signUp(hub);
  courseId = (
    await hub.call('createCourse', { token: teacher.token, body: { title: 'Optics', capacity: 5 } })
  ).body.id;
  for (const p of [emma, liam]) await hub.call('enrol', { token: p.token, params: { courseId } });
  heard = await listen();
  // On PostgreSQL the set-up's hints leave after their answers and could reach these new
  // sockets; a ping is answered once they are out (deliverAccounts).
  await settle();
  clear();
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

describe('a hand-in and a grade', () => {
  it('reach the student and the teacher (and the admin panel), never a classmate or an outsider', async () => {
    const deadlineId = await newDeadline();
    await settle();
    clear();

    await handIn(hub, emma, deadlineId);
    await hub.call('gradeSubmission', {
      token: teacher.token,
      params: { deadlineId, userId: emma.id },
      body: { points: 9 },
    });
    await expect.poll(() => topics(heard.emma)).toContain(`person:${emma.id} grades`);
    await settle();

    expect(topics(heard.emma)).toEqual([
      `person:${emma.id} submissions`,
      `person:${emma.id} grades`,
    ]);
    expect(topics(heard.teacher)).toEqual([
      `course:${courseId} submissions`,
      `course:${courseId} grades`,
    ]);
    expect(topics(heard.admin)).toEqual(['admin submissions', 'admin submissions']);
    expect(heard.liam).toEqual([]);
    expect(heard.outsider).toEqual([]);
  });
});

describe('course content', () => {
  it('reaches the teacher and the enrolled students, not an outsider', async () => {
    await newDeadline();
    await expect.poll(() => topics(heard.liam)).toContain(`course:${courseId} deadlines`);
    await settle();
    for (const person of [heard.teacher, heard.emma, heard.liam])
      expect(topics(person)).toEqual([`course:${courseId} deadlines`]);
    expect(topics(heard.admin)).toEqual(['admin deadlines']);
    expect(heard.outsider).toEqual([]);
  });
});

describe('enrolment', () => {
  it('refreshes the roster and seats in the course, the catalogue for everyone, and the student’s own pages', async () => {
    await hub.call('enrol', { token: outsider.token, params: { courseId } });
    await expect.poll(() => topics(heard.outsider)).toContain(`person:${outsider.id} enrolments`);
    await settle();
    expect(topics(heard.teacher)).toEqual([
      `course:${courseId} students`,
      `person:${teacher.id} students`,
      'catalogue course',
    ]);
    expect(topics(heard.emma)).toEqual([`course:${courseId} students`, 'catalogue course']);
    expect(topics(heard.outsider)).toContain(`course:${courseId} students`);
    expect(topics(heard.admin)).toEqual(['catalogue course', 'admin enrolments']);
  });

  it('tells a blocked student through their own topic only: they have left the course room first', async () => {
    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId, userId: liam.id },
      body: { status: 'blocked' },
    });
    await expect.poll(() => topics(heard.liam)).toContain(`person:${liam.id} enrolments`);
    await settle();
    expect(topics(heard.liam)).not.toContain(`course:${courseId} students`);
    expect(topics(heard.emma)).toContain(`course:${courseId} students`);
    expect(topics(heard.emma)).not.toContain(`person:${liam.id} enrolments`);
  });
});

describe('accounts waiting for approval', () => {
  const register = (role: 'student' | 'teacher') =>
    hub.call('register', {
      body: {
        username: `new_${randomUUID().slice(0, 8)}`,
        firstName: 'New',
        lastName: 'Person',
        email: `${randomUUID().slice(0, 8)}@school.test`,
        password: 'Lantern-Orbit-42',
        role,
      },
    });

  it('reach the admin and teachers for a student, only the admin for a teacher; never students', async () => {
    await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
    await settle();
    clear();
    await register('student');
    await expect.poll(() => topics(heard.teacher)).toContain('staff approvals');
    await register('teacher');
    await expect
      .poll(() => topics(heard.admin).filter((t) => t === 'staff approvals'))
      .toHaveLength(2);
    await settle();
    expect(topics(heard.teacher).filter((t) => t === 'staff approvals')).toHaveLength(1);
    for (const student of [heard.emma, heard.liam, heard.outsider])
      expect(topics(student)).not.toContain('staff approvals');
  });
});
