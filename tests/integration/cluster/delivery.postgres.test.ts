import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startNodes, type TestNodes } from '../../support/cluster';
import { signUp, type Person } from '../../support/people';
import {
  type ClientSocket,
  collect,
  connectSocket,
  nextEvent,
  nextHint,
  nextNotification,
} from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';

/**
 * Two hub nodes on one PostgreSQL database: whatever happens through node A
 * reaches the people whose devices are connected to node B, and an access
 * loss on A takes B's sockets out of the rooms at once.
 */
let cluster: TestNodes;
let a: TestHub;
let b: TestHub;
let teacher: Person;
let ann: Person;
let ben: Person;
let courseId: string;
let sessionId: string;
const sockets: ClientSocket[] = [];
const online = async (node: TestHub, person: Person) => {
  const socket = await connectSocket(node.url, person.token);
  sockets.push(socket);
  return socket;
};

beforeEach(async () => {
  cluster = await startNodes(2, { nodeTimeoutMs: 2000 });
  [a, b] = cluster.nodes as [TestHub, TestHub];
  teacher = await signUp(a, { role: 'teacher' });
  ann = await signUp(a);
  ben = await signUp(b);
  courseId = (
    await a.call('createCourse', { token: teacher.token, body: { title: 'Optics', capacity: 9 } })
  ).body.id;
  for (const student of [ann, ben])
    expect(
      (await b.call('enrol', { token: student.token, params: { courseId } })).status,
    ).toBeLessThan(300);
  const session = await a.call('createSession', {
    token: teacher.token,
    body: { title: 'Lenses', description: '', courseId },
  });
  sessionId = session.body.id as string;
  const joinToken = (session.body.joinToken as string).replace(/-/g, '');
  for (const student of [ann, ben])
    expect(
      (await b.call('joinSession', { token: student.token, body: { token: joinToken } })).status,
    ).toBe(200);
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await cluster.stop();
});

const send = async (socket: ClientSocket, room: string, text: string) => {
  const ack = await socket.emitWithAck('chat:send', { room, clientId: randomUUID(), text });
  expect(ack.ok, JSON.stringify(ack)).toBe(true);
};
const dm = (x: Person, y: Person) => `dm:${[x.id, y.id].sort().join(':')}`;

describe('delivery across hub nodes', () => {
  it('a chat message and a typing indicator sent on node A reach a socket on node B', async () => {
    const [teacherSocket, annSocket] = [await online(a, teacher), await online(b, ann)];
    const room = `course:${courseId}`;
    const heard = nextEvent(annSocket, 'chat:message');
    await send(teacherSocket, room, 'Light bends');
    expect(await heard).toMatchObject({
      room,
      text: 'Light bends',
      author: { username: teacher.username },
    });
    const typing = nextEvent(annSocket, 'chat:typing');
    teacherSocket.emit('chat:typing', { room });
    expect(await typing).toMatchObject({ room, userId: teacher.id });
  });

  it('a post (built per viewer), a hand raised, a notification and a live hint made through node A reach node B', async () => {
    const [teacherSocket, annSocket] = [await online(b, teacher), await online(b, ann)];
    const post = nextEvent(teacherSocket, 'post:created');
    const notified = nextNotification(teacherSocket, 'post-created');
    const created = await a.call('createPost', {
      token: ann.token,
      params: { sessionId },
      body: { text: 'Why is the sky blue?' },
    });
    expect(created.status).toBe(201);
    expect(await post).toMatchObject({ sessionId, text: 'Why is the sky blue?' });

    const hands = nextEvent(teacherSocket, 'hands:changed');
    expect((await a.call('raiseHand', { token: ann.token, params: { sessionId } })).status).toBe(
      200,
    );
    expect(await hands).toMatchObject({ sessionId });

    // Ann's post notifies the session's other members: the teacher, connected to node B.
    expect(await notified).toMatchObject({
      type: 'post-created',
      target: { kind: 'post', sessionId },
    });

    const hint = nextHint(annSocket, { topic: `course:${courseId}` });
    const announced = nextEvent(annSocket, 'announcement:changed');
    expect(
      (
        await a.call('updateCourse', {
          token: teacher.token,
          params: { courseId },
          body: { title: 'Optics II' },
        })
      ).status,
    ).toBe(200);
    expect(await hint).toMatchObject({ topic: `course:${courseId}` });
    expect(
      (
        await a.call('createAnnouncement', {
          token: teacher.token,
          params: { courseId },
          body: { text: 'Quiz on Friday' },
        })
      ).status,
    ).toBe(201);
    expect(await announced).toMatchObject({ courseId, change: 'created' });
  });

  it('blocking on node A takes the student’s node-B socket out of the course and its session at once', async () => {
    const [teacherSocket, annSocket] = [await online(a, teacher), await online(b, ann)];
    const lost = nextEvent(annSocket, 'session:access-lost');
    const messages = collect(annSocket, 'chat:message');
    const blocked = await a.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId, userId: ann.id },
      body: { status: 'blocked' },
    });
    expect(blocked.status).toBe(200);
    expect(await lost).toEqual({ sessionId, reason: 'blocked' });
    await send(teacherSocket, `course:${courseId}`, 'after the block (course)');
    await send(teacherSocket, `session:${sessionId}`, 'after the block (session)');
    // Sent after, through the same node: once it has arrived, the others would have too.
    const marker = nextEvent(annSocket, 'chat:message');
    await send(teacherSocket, dm(teacher, ann), 'marker');
    await marker;
    expect(messages.map((m) => m.text)).toEqual(['marker']);
  });

  it('signing out everywhere on node A ends the sockets on node B', async () => {
    const [onA, onB] = [await online(a, ann), await online(b, ann)];
    const ended = [onA, onB].map(
      (socket) =>
        new Promise((resolve) => {
          socket.once('auth:revoked', (notice) => resolve(notice));
        }),
    );
    expect((await a.call('signOutEverywhere', { token: ann.token })).status).toBe(204);
    for (const notice of await Promise.all(ended))
      expect(notice).toEqual({ reason: 'signed-out-everywhere' });
    await expect.poll(() => onB.connected).toBe(false);
  });
});
