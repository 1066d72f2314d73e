import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { connectSocket, nextEvent } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';
import { hostSession, join } from './fixtures';

/** A session of a course: its teacher hosts it, only its active students take part. */
let hub: TestHub;
let teacher: Person;
let otherTeacher: Person;
let student: Person;
let classmate: Person;
let outsider: Person;
let admin: Person;
let courseId: string;
let session: { id: string; joinToken: string };

beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub);
  teacher = await signUp(hub, { role: 'teacher' });
  otherTeacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub);
  classmate = await signUp(hub);
  outsider = await signUp(hub);
  courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', capacity: 9 },
    })
  ).body.id;
  for (const person of [student, classmate])
    await hub.call('enrol', { token: person.token, params: { courseId } });
  session = await hostSession(hub, teacher, { title: 'Lab 3', courseId });
});
afterAll(() => hub.stop());

const joinAs = (person: Person) =>
  hub.call('joinSession', { token: person.token, body: { token: session.joinToken } });

describe('hosting a session for a course', () => {
  it('shows the course on the session', async () => {
    const reply = await hub.call('session', {
      token: teacher.token,
      params: { sessionId: session.id },
    });
    expect(reply.body.course).toMatchObject({ id: courseId, title: 'Physics' });
    expect(reply.body.course.code).toMatch(/^[A-Z]+\d+$/);
  });

  it('leaves a session without a course marked as such', async () => {
    const free = await hostSession(hub, outsider, { title: 'Study group' });
    const reply = await hub.call('session', {
      token: outsider.token,
      params: { sessionId: free.id },
    });
    expect(reply.body.course).toBeNull();
  });

  it('lets only the course’s teacher host it', async () => {
    for (const person of [otherTeacher, student, admin]) {
      const reply = await hub.call('createSession', {
        token: person.token,
        body: { title: 'Not mine', courseId },
      });
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toMatch(/Only the teacher of .* can host/);
    }
  });

  it('says so when the course does not exist', async () => {
    const reply = await hub.call('createSession', {
      token: teacher.token,
      body: { title: 'Lab', courseId: 'no-such-course' },
    });
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toBe('This course does not exist.');
  });
});

describe('joining a course’s session', () => {
  it('lets an active student join', async () => {
    await join(hub, student, session.joinToken);
  });

  it('refuses someone not enrolled, telling them to enrol first', async () => {
    const reply = await joinAs(outsider);
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toMatch(
      /for students of .*Physics.*Enrol in the course first/,
    );
  });

  it('cuts a student blocked from the course out of its session at once', async () => {
    await join(hub, classmate, session.joinToken);
    const socket = await connectSocket(hub.url, classmate.token);
    expect(await socket.emitWithAck('session:watch', { sessionId: session.id })).toMatchObject({
      ok: true,
    });
    const lost = nextEvent(socket, 'session:access-lost');
    const before = await hub.call('posts', {
      token: classmate.token,
      params: { sessionId: session.id },
    });
    expect(before.status).toBe(200);
    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId, userId: classmate.id },
      body: { status: 'blocked' },
    });
    expect(await lost).toEqual({ sessionId: session.id, reason: 'blocked' });
    socket.disconnect();
    const after = await hub.call('posts', {
      token: classmate.token,
      params: { sessionId: session.id },
    });
    expect(after.status).toBe(403);
    expect(after.body.error.message).toMatch(/blocked you from .*Physics/);
    const chat = await hub.call('chatHistory', {
      token: classmate.token,
      params: { room: `session:${session.id}` },
    });
    expect(chat.status).toBe(403);
  });

  it('still lets the admin look in', async () => {
    const reply = await hub.call('session', {
      token: admin.token,
      params: { sessionId: session.id },
    });
    expect(reply.status).toBe(200);
  });
});
