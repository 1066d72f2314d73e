import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import type { LiveHint } from '../../../src-shared/events';
import {
  collect,
  connectSocket,
  nextEvent,
  nextHint,
  type ClientSocket,
} from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * Which rooms a connected device is in follows what happens to its person at
 * once, without a reconnect: enrolment, blocking, removal and role changes.
 */
let hub: TestHub;
let admin: Person;
let teacher: Person;
let student: Person;
const sockets: ClientSocket[] = [];
const online = async (person: Person) => {
  const socket = await connectSocket(hub.url, person.token);
  sockets.push(socket);
  return socket;
};
const register = (role: 'student' | 'teacher') =>
  hub.call('register', {
    body: {
      username: `waiting_${randomUUID().slice(0, 8)}`,
      firstName: 'New',
      lastName: 'Person',
      email: `${randomUUID().slice(0, 8)}@school.test`,
      password: 'Lantern-Orbit-42',
      role,
    },
  });
/** The approvals-list hints a device hears. */
const approvals = (socket: ClientSocket) => {
  const seen: LiveHint[] = [];
  socket.on('live:changed', (hint) => {
    if (hint.topic === 'staff') seen.push(hint);
  });
  return seen;
};
/** Round trip through the hub, so anything it sent before has arrived. */
const settle = (socket: ClientSocket) => socket.emitWithAck('hub:ping');

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub);
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

describe('approvers’ rooms follow role changes at once', () => {
  it('stop telling a demoted teacher or a former admin about accounts waiting, and start telling a promoted one', async () => {
    const otherAdmin = await signUp(hub, { role: 'teacher' });
    await hub.call('adminUpdateUser', {
      token: admin.token,
      params: { userId: otherAdmin.id },
      body: { isAdmin: true },
    });
    await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
    const [teacherSocket, otherAdminSocket, studentSocket] = await Promise.all([
      online(teacher),
      online(otherAdmin),
      online(student),
    ]);
    // Approvers hear only that the approvals list changed (a live hint), then refetch it.
    const heard = {
      teacher: approvals(teacherSocket),
      otherAdmin: approvals(otherAdminSocket),
      student: approvals(studentSocket),
    };
    await register('student');
    await expect.poll(() => heard.teacher.length + heard.otherAdmin.length).toBe(2);
    await settle(studentSocket);
    expect(heard.student).toEqual([]);

    const demote = (userId: string, body: object) =>
      hub.call('adminUpdateUser', { token: admin.token, params: { userId }, body });
    expect((await demote(teacher.id, { role: 'student' })).status).toBe(200);
    expect((await demote(otherAdmin.id, { isAdmin: false, role: 'student' })).status).toBe(200);
    expect((await demote(student.id, { role: 'teacher' })).status).toBe(200);
    const adminSocket = await online(admin);
    // What the role changes themselves said is not the point: listen afresh from here.
    await Promise.all([teacherSocket, otherAdminSocket, studentSocket].map(settle));
    for (const list of Object.values(heard)) list.length = 0;
    const adminHeard = nextHint(adminSocket, { topic: 'staff', what: 'approvals' });
    await register('student');
    await adminHeard;
    await Promise.all([teacherSocket, otherAdminSocket, studentSocket].map(settle));
    expect(heard.teacher).toEqual([]);
    expect(heard.otherAdmin).toEqual([]);
    // Now a teacher, on the same connection.
    expect(heard.student).toEqual([{ topic: 'staff', what: 'approvals' }]);
  });
});

describe('course rooms follow enrolment at once', () => {
  it('bring a student in when enrolled, out when blocked or removed, back when unblocked — on an open connection', async () => {
    const courseId = (
      await hub.call('createCourse', {
        token: teacher.token,
        body: { title: 'Optics', capacity: 5 },
      })
    ).body.id;
    const room = `course:${courseId}`;
    const [teacherSocket, studentSocket] = await Promise.all([online(teacher), online(student)]);
    const messages = collect(studentSocket, 'chat:message');
    const say = async (text: string) => {
      const heard = nextEvent(teacherSocket, 'chat:message');
      const ack = await teacherSocket.emitWithAck('chat:send', {
        room,
        clientId: randomUUID(),
        text,
      });
      expect(ack.ok).toBe(true);
      await heard;
      await settle(studentSocket);
    };
    const status = (body: object) =>
      hub.call('setEnrolmentStatus', {
        token: teacher.token,
        params: { courseId, userId: student.id },
        body,
      });

    // Read receipts on the same open connection follow the same membership.
    const read = (seq: number) => studentSocket.emitWithAck('chat:read', { room, seq });

    await say('before enrolment');
    expect(await read(1)).toMatchObject({ ok: false });
    await hub.call('enrol', { token: student.token, params: { courseId } });
    await say('enrolled');
    expect(await read(2)).toEqual({ ok: true, data: { room, readSeq: 2 } });
    await status({ status: 'blocked' });
    await say('while blocked');
    expect(await read(3)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await status({ status: 'active' });
    await say('unblocked');
    expect(await read(4)).toEqual({ ok: true, data: { room, readSeq: 4 } });
    await hub.call('removeEnrolment', {
      token: teacher.token,
      params: { courseId, userId: student.id },
    });
    await say('after removal');
    expect(await read(5)).toMatchObject({ ok: false });
    expect(messages.map((m) => m.text)).toEqual(['enrolled', 'unblocked']);
  });

  it('takes a blocked student out of the course’s lessons too, saying why', async () => {
    const courseId = (
      await hub.call('createCourse', {
        token: teacher.token,
        body: { title: 'Optics', capacity: 5 },
      })
    ).body.id;
    await hub.call('enrol', { token: student.token, params: { courseId } });
    const session = (
      await hub.call('createSession', { token: teacher.token, body: { title: 'Lesson', courseId } })
    ).body;
    await hub.call('joinSession', { token: student.token, body: { token: session.joinToken } });
    const [teacherSocket, studentSocket] = await Promise.all([online(teacher), online(student)]);
    const messages = collect(studentSocket, 'chat:message');
    const lost = nextEvent(studentSocket, 'session:access-lost');
    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId, userId: student.id },
      body: { status: 'blocked' },
    });
    expect(await lost).toEqual({ sessionId: session.id, reason: 'blocked' });
    await teacherSocket.emitWithAck('chat:send', {
      room: `session:${session.id}`,
      clientId: randomUUID(),
      text: 'not for the blocked',
    });
    await settle(studentSocket);
    expect(messages).toEqual([]);
  });

  it('lets an admin watch a session’s chat, read-only', async () => {
    const session = (
      await hub.call('createSession', { token: teacher.token, body: { title: 'Open day' } })
    ).body;
    const [teacherSocket, adminSocket] = await Promise.all([online(teacher), online(admin)]);
    expect(await adminSocket.emitWithAck('session:watch', { sessionId: session.id })).toMatchObject(
      {
        ok: true,
      },
    );
    const seen = nextEvent(adminSocket, 'chat:message');
    const room = `session:${session.id}`;
    await teacherSocket.emitWithAck('chat:send', { room, clientId: randomUUID(), text: 'hello' });
    expect(await seen).toMatchObject({ room, text: 'hello' });
    expect(
      await adminSocket.emitWithAck('chat:send', { room, clientId: randomUUID(), text: 'me too' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('connections and writes per person', () => {
  it('shares one write budget between all of a person’s devices', async () => {
    const session = (
      await hub.call('createSession', { token: teacher.token, body: { title: 'S' } })
    ).body;
    const room = `session:${session.id}`;
    const devices = await Promise.all([online(teacher), online(teacher), online(teacher)]);
    const replies = await Promise.all(
      Array.from({ length: 36 }, (_, i) =>
        devices[i % 3]!.emitWithAck('chat:send', { room, clientId: randomUUID(), text: `m${i}` }),
      ),
    );
    expect(replies.filter((r) => !r.ok)).toHaveLength(6);
  });

  it('refuses an eleventh connection of one person with a clear error, and takes one again once a device leaves', async () => {
    const devices = await Promise.all(Array.from({ length: 10 }, () => online(student)));
    const refused = await online(student).then(
      () => undefined,
      (error: Error & { data?: { code: string; message: string } }) => error.data,
    );
    expect(refused).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      message: expect.stringContaining('10 connections'),
    });
    expect(await online(teacher)).toBeTruthy(); // someone else is not affected
    devices[0]!.disconnect();
    await expect
      .poll(
        () =>
          online(student).then(
            () => true,
            () => false,
          ),
        { interval: 100 },
      )
      .toBe(true);
  });
});

describe('an admin who loses admin', () => {
  it('stops receiving the sessions they were only looking into, on the open connection', async () => {
    const otherAdmin = await signUp(hub, { role: 'teacher' });
    await hub.call('adminUpdateUser', {
      token: admin.token,
      params: { userId: otherAdmin.id },
      body: { isAdmin: true },
    });
    const session = (
      await hub.call('createSession', { token: teacher.token, body: { title: 'Open day' } })
    ).body;
    const room = `session:${session.id}`;
    const [teacherSocket, watcher] = await Promise.all([online(teacher), online(otherAdmin)]);
    expect(await watcher.emitWithAck('session:watch', { sessionId: session.id })).toMatchObject({
      ok: true,
    });
    const seen = collect(watcher, 'chat:message');
    const send = (text: string) =>
      teacherSocket.emitWithAck('chat:send', { room, clientId: randomUUID(), text });
    await send('while admin');
    await expect.poll(() => seen.length).toBe(1);
    await hub.call('adminUpdateUser', {
      token: admin.token,
      params: { userId: otherAdmin.id },
      body: { isAdmin: false },
    });
    await send('after');
    await settle(watcher);
    expect(seen.map((m) => m.text)).toEqual(['while admin']);
  });
});
