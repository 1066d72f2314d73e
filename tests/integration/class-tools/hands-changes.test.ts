import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyHandsChange, type Hands } from '../../../src-shared/schemas/class-tools/hands';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
import { join } from '../sessions/fixtures';
import {
  CLASS_ROLES,
  expectRefused,
  startClass,
  type ClassScene,
  type Statuses,
} from './class-scene';

let scene: ClassScene;
let sockets: ClientSocket[] = [];
beforeEach(async () => {
  scene = await startClass();
});
afterEach(async () => {
  sockets.forEach((s) => s.disconnect());
  sockets = [];
  await scene.stop();
});

const call = (name: Parameters<ClassScene['hub']['call']>[0], who: Person, userId?: string) =>
  scene.hub.call(name, {
    token: who.token,
    params: { sessionId: scene.sessionId, ...(userId ? { userId } : {}) },
  });
const live = async (who: Person) => {
  const socket = await connectSocket(scene.hub.url, who.token);
  sockets.push(socket);
  return socket;
};

/**
 * Each change answers the change and the hub's count — the same packet the
 * class gets live — never the rebuilt queue: [teacher, student, outsider, blocked, admin].
 */
const rows: {
  action: string;
  expected: Statuses;
  run: (who: Person) => ReturnType<typeof call>;
  answer: () => Record<string, unknown>;
}[] = [
  {
    action: 'raise a hand',
    expected: [403, 200, 403, 403, 403],
    run: (who) => call('raiseHand', who),
    answer: () => ({ kind: 'raised', count: 2 }),
  },
  {
    action: 'lower their own hand (already down)',
    expected: [403, 200, 403, 403, 403],
    run: (who) => call('lowerMyHand', who),
    answer: () => ({ kind: 'lowered', studentIds: [scene.cast.student.id], count: 1 }),
  },
  {
    action: 'call on a student',
    expected: [200, 403, 403, 403, 403],
    run: (who) => call('callOnHand', who, scene.classmate.id),
    answer: () => ({ kind: 'called', studentId: scene.classmate.id, count: 1 }),
  },
  {
    action: 'lower a student’s hand',
    expected: [200, 403, 403, 403, 403],
    run: (who) => call('lowerHand', who, scene.classmate.id),
    answer: () => ({ kind: 'lowered', studentIds: [scene.classmate.id], count: 0 }),
  },
  {
    action: 'lower every hand',
    expected: [200, 403, 403, 403, 403],
    run: (who) => call('lowerAllHands', who),
    answer: () => ({ kind: 'lowered', studentIds: [scene.classmate.id], count: 0 }),
  },
];

describe('hands: each request answers its change', () => {
  for (const row of rows)
    for (const [column, role] of CLASS_ROLES.entries()) {
      const status = row.expected[column]!;
      it(`${role}: ${row.action} → ${status}`, async () => {
        expect((await call('raiseHand', scene.classmate)).status).toBe(200);
        const reply = await row.run(scene.cast[role]);
        if (status >= 400) return expectRefused(reply, status);
        expect(reply.status, JSON.stringify(reply.body)).toBe(status);
        expect(reply.body).toMatchObject({ sessionId: scene.sessionId, ...row.answer() });
        expect(reply.body).not.toHaveProperty('queue');
      });
    }

  it('answers a hand already up with the same hand and tells nobody again', async () => {
    const teacher = await live(scene.cast.teacher);
    // The first raise is heard first: its broadcast may still be on its way after the answer.
    const firstHeard = nextEvent(teacher, 'hands:changed');
    const first = await call('raiseHand', scene.cast.student);
    expect(await firstHeard).toMatchObject({ kind: 'raised', count: 1 });
    const heard = collect(teacher, 'hands:changed');
    const again = await call('raiseHand', scene.cast.student);
    expect(again.body).toEqual(first.body);
    await teacher.emitWithAck('hub:ping');
    expect(heard).toEqual([]);
  });
});

describe('hands in a burst', () => {
  it('answers each of 7 hands going up at once (every free place in the course) with its own hand and the hub’s count', async () => {
    const students: Person[] = [];
    for (let i = 0; i < 7; i++) {
      const person = await signUp(scene.hub, { username: `burst${i}` });
      expect(
        (
          await scene.hub.call('enrol', {
            token: person.token,
            params: { courseId: scene.courseId },
          })
        ).status,
      ).toBe(200);
      const session = await scene.hub.call('session', {
        token: scene.cast.teacher.token,
        params: { sessionId: scene.sessionId },
      });
      await join(scene.hub, person, session.body.joinToken as string);
      students.push(person);
    }
    const teacher = await live(scene.cast.teacher);
    const heard = collect(teacher, 'hands:changed');
    const replies = await Promise.all(students.map((s) => call('raiseHand', s)));
    for (const [i, reply] of replies.entries()) {
      expect(reply.status).toBe(200);
      expect(reply.body.hand.student.id).toBe(students[i]!.id);
    }
    // Counts are the hub's at the moment of each answer: never past the class, and the last is the whole class.
    for (const reply of replies) expect(reply.body.count).toBeGreaterThanOrEqual(1);
    expect(Math.max(...replies.map((r) => r.body.count as number))).toBe(7);
    // On PostgreSQL a broadcast leaves through the adapter after the answer: wait for the seventh.
    await expect.poll(() => heard.length).toBeGreaterThanOrEqual(7);
    await teacher.emitWithAck('hub:ping');
    expect(heard).toHaveLength(7);
    // A client that applies the seven small changes ends with the hub's queue.
    let seen: Hands = { sessionId: scene.sessionId as Hands['sessionId'], queue: [] };
    for (const change of heard) seen = applyHandsChange(seen, change);
    const queue = (await call('hands', scene.cast.teacher)).body.queue as unknown[];
    expect(queue).toHaveLength(7);
    expect(seen).toEqual((await call('hands', scene.cast.teacher)).body);
  });
});

describe('hands of a student who loses the course', () => {
  it.each(['blocked', 'completed'] as const)(
    'are lowered live when the teacher sets them %s',
    async (status) => {
      await call('raiseHand', scene.cast.student);
      await call('raiseHand', scene.classmate);
      const teacher = await live(scene.cast.teacher);
      const lowered = nextEvent(teacher, 'hands:changed');
      const reply = await scene.hub.call('setEnrolmentStatus', {
        token: scene.cast.teacher.token,
        params: { courseId: scene.courseId, userId: scene.classmate.id },
        body: { status },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(await lowered).toMatchObject({
        kind: 'lowered',
        studentIds: [scene.classmate.id],
        count: 1,
      });
      // The count the class was told is the hub's: a raise after it agrees.
      scene.clock.advance(1000);
      const raised = await call('raiseHand', scene.cast.student);
      expect(raised.body.count).toBe(1);
    },
  );
});
