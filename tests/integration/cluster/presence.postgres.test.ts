import { afterEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../src-shared/ids';
import { startNodes, type TestNodes } from '../../support/cluster';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, nextMatching, type ClientSocket } from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';
import type { DeviceBoard } from '../../../src-shared/schemas/devices';
import { classWithDevices, connectAs, desktop } from '../devices/scene';

/**
 * Presence and the connection cap count a person's connections on every
 * hub node: online while connected anywhere, offline when the last one
 * closes or its node leaves.
 */
let cluster: TestNodes;
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await cluster.stop();
});

const online = async (node: TestHub, person: Person) => {
  const socket = await connectSocket(node.url, person.token);
  sockets.push(socket);
  return socket;
};

/** A course with the teacher and the students in it: its room hears their presence. */
async function course(node: TestHub, teacher: Person, students: Person[]): Promise<void> {
  const courseId = (
    await node.call('createCourse', {
      token: teacher.token,
      body: { title: 'Optics', capacity: 9 },
    })
  ).body.id as string;
  for (const student of students)
    expect(
      (await node.call('enrol', { token: student.token, params: { courseId } })).status,
    ).toBeLessThan(300);
}

/**
 * The next presence report that mentions `person`. Reports are batched per
 * room and cross nodes by gossip: on a loaded machine that takes seconds,
 * so the wait is long and names who was not heard of.
 */
async function nextAbout(socket: ClientSocket, person: Person, ms = 20_000) {
  const id = person.id as UserId;
  const mentions = (diff: { online: UserId[]; offline: UserId[] }) =>
    diff.online.includes(id) || diff.offline.includes(id);
  const what = `presence news of ${person.username}`;
  const diff = await nextMatching(socket, 'presence:changed', mentions, what, ms);
  return diff.online.includes(id) ? 'online' : 'offline';
}

/** Who the node says is online in the teacher's course room (its own view: local and gossiped). */
async function onlineInCourseSeenBy(node: TestHub, teacher: Person): Promise<string[]> {
  const rooms = (await node.call('chatRooms', { token: teacher.token })).body.items as {
    kind: string;
    online: string[];
  }[];
  return rooms.find((room) => room.kind === 'course')?.online ?? [];
}

/** What the latest presence report that mentions `person` said of them. */
function lastNewsAbout(heard: { online: string[]; offline: string[] }[], person: Person) {
  const news = heard.filter((d) => d.online.includes(person.id) || d.offline.includes(person.id));
  return news.at(-1)?.offline.includes(person.id) ? 'offline' : news.length ? 'online' : 'none';
}

describe('presence across hub nodes', { timeout: 60_000 }, () => {
  it('keeps a person online while a device of theirs is connected to either node, offline after the last', async () => {
    cluster = await startNodes(2, { nodeTimeoutMs: 2000 });
    const [a, b] = cluster.nodes as [TestHub, TestHub];
    const teacher = await signUp(a, { role: 'teacher' });
    const ann = await signUp(a);
    const marker = await signUp(a);
    await course(a, teacher, [ann, marker]);
    const watcher = await online(a, teacher);
    const heard = collect(watcher, 'presence:changed');

    const cameOnline = nextAbout(watcher, ann);
    const annOnB = await online(b, ann);
    expect(await cameOnline).toBe('online');
    const annOnA = await online(a, ann);

    // Ann closes the device on node B; her node-A device is still open.
    annOnB.disconnect();
    // Someone else arriving afterwards: reported in the same or a later report than any news of Ann.
    const markerNews = nextAbout(watcher, marker);
    await online(b, marker);
    expect(await markerNews).toBe('online');
    expect(heard.filter((diff) => diff.offline.includes(ann.id as UserId))).toEqual([]);

    const wentOffline = nextAbout(watcher, ann);
    annOnA.disconnect();
    expect(await wentOffline).toBe('offline');
  });

  // Under load this once failed one run in two: node A's report window, held open by look-ups,
  // saw Ann arrive (node B reported that itself) and leave with B, and A reported neither
  // (presence.ts › dropNode, presence-delivery.ts › report).
  it('reports a node’s people offline when the node leaves, unless connected elsewhere', async () => {
    cluster = await startNodes(2, { nodeTimeoutMs: 2000 });
    const [a, b] = cluster.nodes as [TestHub, TestHub];
    const teacher = await signUp(a, { role: 'teacher' });
    const ann = await signUp(a);
    const ben = await signUp(a);
    await course(a, teacher, [ann, ben]);
    const watcher = await online(a, teacher);
    const heard = collect(watcher, 'presence:changed');
    const annOnline = nextAbout(watcher, ann);
    const benOnline = nextAbout(watcher, ben);
    await online(b, ann);
    await online(b, ben);
    await online(a, ben);
    expect([await annOnline, await benOnline]).toEqual(['online', 'online']);
    // Node A has heard from B that Ann is there (gossip is ~100 ms behind, seconds under load):
    // the course room's online list that A answers with names her.
    await expect
      .poll(() => onlineInCourseSeenBy(a, teacher), { timeout: 20_000 })
      .toContain(ann.id);

    await b.close();
    // The last news of Ann, not the next: a repeated "online" from b's last gossip may come first.
    await expect.poll(() => lastNewsAbout(heard, ann), { timeout: 20_000 }).toBe('offline');
    expect(heard.filter((diff) => diff.offline.includes(ben.id as UserId))).toEqual([]);
  });
});

describe('the connection cap across hub nodes', () => {
  it('counts a person’s connections on every node', async () => {
    cluster = await startNodes(2, { nodeTimeoutMs: 2000, maxConnectionsPerPerson: 2 });
    const [a, b] = cluster.nodes as [TestHub, TestHub];
    const ann = await signUp(a);
    await online(a, ann);
    await online(b, ann);
    for (const node of [a, b]) {
      const refused = connectSocket(node.url, ann.token);
      await expect(refused).rejects.toMatchObject({ data: { code: 'TOO_MANY_REQUESTS' } });
    }
    // Closing one frees a place on either node.
    sockets.shift()!.disconnect();
    await expect
      .poll(async () => {
        const socket = await connectSocket(b.url, ann.token).catch(() => undefined);
        if (socket) sockets.push(socket);
        return socket !== undefined;
      })
      .toBe(true);
  });
});

describe('the device board across hub nodes', () => {
  it('shows a device connected to another node online, and offline once that node leaves', async () => {
    cluster = await startNodes(2, { nodeTimeoutMs: 2000 });
    const [a, b] = cluster.nodes as [TestHub, TestHub];
    const scene = await classWithDevices(a);
    const onlineOnBoard = async () => {
      const reply = await a.call('deviceBoard', {
        token: scene.teacher.token,
        params: { courseId: scene.courseId },
      });
      const board = reply.body as DeviceBoard;
      return board.students.find((s) => s.student.id === scene.student.id)?.devices[0]?.online;
    };
    sockets.push(await connectAs(b, scene.student, desktop('emma-laptop-1')));
    await expect.poll(onlineOnBoard, { timeout: 5000 }).toBe(true);
    await b.close();
    await expect.poll(onlineOnBoard, { timeout: 5000 }).toBe(false);
  });
});
