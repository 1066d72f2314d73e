import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';
import { notificationsOfType } from '../../support/inbox';

let hub: TestHub;
let admin: Person;
let teacher: Person;
let otherTeacher: Person;
let student: Person;
let classmate: Person;
let blocked: Person;
let outsider: Person;
let courseId: string;
let deadlineId: string;
const sockets: ClientSocket[] = [];

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher' });
  otherTeacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub);
  classmate = await signUp(hub);
  blocked = await signUp(hub);
  outsider = await signUp(hub);
  courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', capacity: 10 },
    })
  ).body.id;
  for (const person of [student, classmate, blocked])
    await hub.call('enrol', { token: person.token, params: { courseId } });
  deadlineId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Lab report', dueAt: '2026-12-30T17:00:00Z', maxPoints: 20 },
    })
  ).body.id;
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

const write = (by: Person, text: string, about: Person = student) =>
  hub.call('createPrivateComment', {
    token: by.token,
    params: { deadlineId, userId: about.id },
    body: { text },
  });
const read = (by: Person, about: Person = student) =>
  hub.call('privateComments', { token: by.token, params: { deadlineId, userId: about.id } });
const texts = (reply: { body: { items: { text: string }[] } }) =>
  reply.body.items.map((c) => c.text);

async function block(person: Person) {
  await hub.call('setEnrolmentStatus', {
    token: teacher.token,
    params: { courseId, userId: person.id },
    body: { status: 'blocked' },
  });
}

describe('private comments on a piece of work', () => {
  it('are a thread between the student and the teacher, oldest first', async () => {
    expect((await write(student, 'Is the graph right?')).status).toBe(201);
    const answer = await write(teacher, 'Label the axes.');
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      deadlineId,
      studentId: student.id,
      author: { id: teacher.id },
      text: 'Label the axes.',
    });
    for (const person of [student, teacher])
      expect(texts(await read(person))).toEqual(['Is the graph right?', 'Label the axes.']);
  });

  it('are read but not written by the admin (moderation)', async () => {
    await write(student, 'Question');
    expect(texts(await read(admin))).toEqual(['Question']);
    const refused = await write(admin, 'Hello');
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Only this student and their teacher/);
  });

  it('are seen by nobody else: another enrolled student, another teacher, an outsider', async () => {
    await write(student, 'Private question');
    const classmateRead = await read(classmate);
    expect(classmateRead.status).toBe(403);
    expect(classmateRead.body.error.message).toMatch(/Only this student and their teacher/);
    expect((await write(classmate, 'Let me in')).status).toBe(403);
    for (const person of [otherTeacher, outsider]) {
      const refused = await read(person);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/Enrol in this course/);
      expect((await write(person, 'Hi')).status).toBe(403);
    }
    // Their own thread does not leak the other one either.
    expect(texts(await read(classmate, classmate))).toEqual([]);
  });

  it('are closed to a blocked student, who is told why', async () => {
    await write(blocked, 'Before the block', blocked);
    await block(blocked);
    for (const reply of [await read(blocked, blocked), await write(blocked, 'After', blocked)]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toMatch(/blocked you/);
    }
    expect(texts(await read(teacher, blocked))).toEqual(['Before the block']);
  });

  it('refuse an empty comment and a person who is not a student of the course', async () => {
    const empty = await write(student, '   ');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toMatch(/Write a comment first/);
    const notAStudent = await write(teacher, 'Hi', outsider);
    expect(notAStudent.status).toBe(404);
    expect(notAStudent.body.error.message).toMatch(/not enrolled/);
  });

  it('notify the other side, opening the work', async () => {
    await write(student, 'Can I resubmit?');
    await expect
      .poll(async () => (await notificationsOfType(hub, teacher, 'work-comment'))[0])
      .toMatchObject({
        read: false,
        type: 'work-comment',
        params: { deadlineTitle: 'Lab report', excerpt: 'Can I resubmit?' },
        target: { kind: 'submission', courseId, deadlineId, studentId: student.id },
      });
    await write(teacher, 'Yes, until Friday.');
    await expect
      .poll(async () => (await notificationsOfType(hub, student, 'work-comment'))[0])
      .toMatchObject({ read: false, params: { excerpt: 'Yes, until Friday.' } });
    const classmateInbox = (await hub.call('notifications', { token: classmate.token })).body.items;
    expect(classmateInbox.some((n: { type: string }) => n.type === 'work-comment')).toBe(false);
  });

  it('arrive live on the two people’s devices and nobody else’s', async () => {
    const [studentSocket, teacherSocket, classmateSocket] = await Promise.all(
      [student, teacher, classmate].map((p) => connectSocket(hub.url, p.token)),
    );
    sockets.push(studentSocket!, teacherSocket!, classmateSocket!);
    const overheard = collect(classmateSocket!, 'work-comment:added');
    const toStudent = nextEvent(studentSocket!, 'work-comment:added');
    const toTeacher = nextEvent(teacherSocket!, 'work-comment:added');
    await write(teacher, 'Well done.');
    for (const event of [await toStudent, await toTeacher]) {
      expect(event).toMatchObject({ deadlineId, studentId: student.id, text: 'Well done.' });
      expect(event.author).not.toHaveProperty('email');
    }
    // A later event to the classmate's own room proves their socket was listening all along.
    const own = nextEvent(classmateSocket!, 'work-comment:added');
    await write(classmate, 'Mine', classmate);
    await own;
    expect(overheard.map((c) => c.text)).toEqual(['Mine']);
  });
});
