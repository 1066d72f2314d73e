import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveHint } from '../../../src-shared/events';
import { startNodes, type TestNodes } from '../../support/cluster';
import { signUp, type Person } from '../../support/people';
import {
  collect,
  connectSocket,
  nextEvent,
  nextHint,
  type ClientSocket,
} from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';

/**
 * An access loss decided through node A — removal from a course, a role
 * change, account deletion — takes effect at once for the person's sockets
 * on node B.
 */
let cluster: TestNodes;
let a: TestHub;
let b: TestHub;
let admin: Person;
let teacher: Person;
let student: Person;
const sockets: ClientSocket[] = [];
const online = async (node: TestHub, person: Person) => {
  const socket = await connectSocket(node.url, person.token);
  sockets.push(socket);
  return socket;
};
const send = async (socket: ClientSocket, room: string, text: string) => {
  const ack = await socket.emitWithAck('chat:send', { room, clientId: randomUUID(), text });
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
};
const dm = (x: Person, y: Person) => `dm:${[x.id, y.id].sort().join(':')}`;

beforeEach(async () => {
  cluster = await startNodes(2, { nodeTimeoutMs: 2000 });
  [a, b] = cluster.nodes as [TestHub, TestHub];
  admin = await signUp(a, { role: 'teacher' }); // the first account is the admin
  teacher = await signUp(a, { role: 'teacher' });
  student = await signUp(b);
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await cluster.stop();
});

describe('access lost on one node, on every node', () => {
  it('removal from a course on node A: the node-B socket leaves the course and its session at once', async () => {
    const courseId = (
      await a.call('createCourse', { token: teacher.token, body: { title: 'Optics', capacity: 9 } })
    ).body.id as string;
    await b.call('enrol', { token: student.token, params: { courseId } });
    const session = await a.call('createSession', {
      token: teacher.token,
      body: { title: 'Lenses', description: '', courseId },
    });
    const sessionId = session.body.id as string;
    const joinToken = (session.body.joinToken as string).replace(/-/g, '');
    await b.call('joinSession', { token: student.token, body: { token: joinToken } });
    const [teacherSocket, studentSocket] = [await online(a, teacher), await online(b, student)];
    // Joined on node B while the session was created on node A: the room is theirs.
    const before = nextEvent(studentSocket, 'chat:message');
    await send(teacherSocket, `session:${sessionId}`, 'before');
    expect(await before).toMatchObject({ text: 'before' });

    const lost = nextEvent(studentSocket, 'session:access-lost');
    const messages = collect(studentSocket, 'chat:message');
    const removed = await a.call('removeEnrolment', {
      token: teacher.token,
      params: { courseId, userId: student.id },
    });
    expect(removed.status).toBe(204);
    expect(await lost).toEqual({ sessionId, reason: 'removed' });
    await send(teacherSocket, `course:${courseId}`, 'after (course)');
    await send(teacherSocket, `session:${sessionId}`, 'after (session)');
    await nextEventAfter(studentSocket, a, student);
    expect(messages.map((m) => m.text)).toEqual(['marker']);
  });

  it('a teacher demoted on node A stops hearing of accounts waiting on node B', async () => {
    await a.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
    const [teacherSocket, adminSocket] = [await online(b, teacher), await online(b, admin)];
    const heard: LiveHint[] = [];
    teacherSocket.on('live:changed', (hint) => {
      if (hint.topic === 'staff') heard.push(hint);
    });
    const demoted = await a.call('adminUpdateUser', {
      token: admin.token,
      params: { userId: teacher.id },
      body: { role: 'student' },
    });
    expect(demoted.status).toBe(200);
    await nextEvent(teacherSocket, 'account:updated');
    heard.length = 0;
    const adminHeard = nextHint(adminSocket, { topic: 'staff', what: 'approvals' });
    const registered = await a.call('register', {
      body: {
        username: `waiting_${randomUUID().slice(0, 8)}`,
        firstName: 'New',
        lastName: 'Person',
        email: `${randomUUID().slice(0, 8)}@school.test`,
        password: 'Lantern-Orbit-42',
        role: 'student',
      },
    });
    expect(registered.status).toBeLessThan(300);
    await adminHeard;
    // Through the same node after the hint: once it is back, the hint would have come before it.
    await nextEventAfter(teacherSocket, a, teacher);
    expect(heard).toEqual([]);
  });

  it('an account deleted on node A is signed out on node B', async () => {
    const studentSocket = await online(b, student);
    const revoked = nextEvent(studentSocket, 'auth:revoked');
    const deleted = await a.call('adminDeleteUser', {
      token: admin.token,
      params: { userId: student.id },
    });
    expect(deleted.status).toBe(204);
    expect(await revoked).toEqual({ reason: 'account-removed' });
    await expect.poll(() => studentSocket.connected).toBe(false);
  });
});

/** A direct message from the admin through `node`: delivered in order after what that node sent before. */
async function nextEventAfter(socket: ClientSocket, node: TestHub, to: Person): Promise<void> {
  const adminSocket = await online(node, admin);
  const marker = nextEvent(socket, 'chat:message');
  await send(adminSocket, dm(admin, to), 'marker');
  await marker;
}
