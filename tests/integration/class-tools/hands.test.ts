import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyHandsChange,
  type Hands,
  type HandsChange,
} from '../../../src-shared/schemas/class-tools/hands';
import type { Person } from '../../support/people';
import { connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
import {
  CLASS_ROLES,
  expectRefused,
  startClass,
  type ClassRole,
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
const queueOf = async () =>
  ((await call('hands', scene.cast.teacher)).body.queue as { student: { username: string } }[]).map(
    (h) => h.student.username,
  );
const raise = async (who: Person) => expect((await call('raiseHand', who)).status).toBe(200);
const live = async (who: Person) => {
  const socket = await connectSocket(scene.hub.url, who.token);
  sockets.push(socket);
  return socket;
};

/** What each role may do with hands: [teacher, student, outsider, blocked, admin]. */
const rows: {
  action: string;
  expected: Statuses;
  run: (who: Person) => ReturnType<typeof call>;
  /** The queue (usernames) after the call, when it succeeded and when it was refused. */
  after: { ok: string[]; refused: string[] };
}[] = [
  {
    action: 'read the queue',
    expected: [200, 200, 403, 403, 200],
    run: (who) => call('hands', who),
    after: { ok: ['milo2'], refused: ['milo2'] },
  },
  {
    action: 'raise a hand',
    expected: [403, 200, 403, 403, 403],
    run: (who) => call('raiseHand', who),
    after: { ok: ['milo2', 'emma1'], refused: ['milo2'] },
  },
  {
    action: 'lower their own hand',
    expected: [403, 200, 403, 403, 403],
    run: (who) => call('lowerMyHand', who),
    after: { ok: ['milo2'], refused: ['milo2'] },
  },
  {
    action: 'call on a student',
    expected: [200, 403, 403, 403, 403],
    run: (who) => call('callOnHand', who, scene.classmate.id),
    after: { ok: ['milo2'], refused: ['milo2'] },
  },
  {
    action: 'lower a student’s hand',
    expected: [200, 403, 403, 403, 403],
    run: (who) => call('lowerHand', who, scene.classmate.id),
    after: { ok: [], refused: ['milo2'] },
  },
  {
    action: 'lower every hand',
    expected: [200, 403, 403, 403, 403],
    run: (who) => call('lowerAllHands', who),
    after: { ok: [], refused: ['milo2'] },
  },
];

describe('raise hand: who may do what', () => {
  for (const row of rows)
    for (const [column, role] of CLASS_ROLES.entries()) {
      const status = row.expected[column]!;
      it(`${role}: ${row.action} → ${status}`, async () => {
        await raise(scene.classmate);
        const reply = await row.run(scene.cast[role as ClassRole]);
        if (status >= 400) expectRefused(reply, status);
        else expect(reply.status, JSON.stringify(reply.body)).toBe(status);
        expect(await queueOf()).toEqual(status < 300 ? row.after.ok : row.after.refused);
      });
    }

  it('tells an admin why they may look but not act', async () => {
    await raise(scene.classmate);
    const reply = await call('callOnHand', scene.cast.admin, scene.classmate.id);
    expect(reply.body.error.message).toBe(
      'An admin can look into a class but not call on a student: only its teacher can.',
    );
    const blocked = await call('raiseHand', scene.cast.blocked);
    expect(blocked.body.error.message).toMatch(/blocked you from .*Physics/);
  });
});

describe('raise hand in class', () => {
  it('queues hands in the order they went up, and raising again keeps the place', async () => {
    await raise(scene.cast.student);
    scene.clock.advance(1000);
    await raise(scene.classmate);
    scene.clock.advance(1000);
    await raise(scene.cast.student);
    expect(await queueOf()).toEqual(['emma1', 'milo2']);
  });

  it('shows the teacher the queue live and the student that they are called on', async () => {
    const teacher = await live(scene.cast.teacher);
    const student = await live(scene.classmate);
    // What a client does: the queue fetched on opening, then each change applied.
    let seenByTeacher: Hands = (await call('hands', scene.cast.teacher)).body;
    const changes: HandsChange[] = [];
    teacher.on('hands:changed', (change) => {
      changes.push(change);
      seenByTeacher = applyHandsChange(seenByTeacher, change);
    });
    const names = () => seenByTeacher.queue.map((h) => h.student.username);

    const raised = nextEvent(teacher, 'hands:changed');
    await raise(scene.cast.student);
    expect(await raised).toMatchObject({ kind: 'raised', count: 1 });
    expect(names()).toEqual(['emma1']);
    scene.clock.advance(1000);
    const second = nextEvent(teacher, 'hands:changed');
    await raise(scene.classmate);
    expect(await second).toMatchObject({ kind: 'raised', count: 2 });
    expect(names()).toEqual(['emma1', 'milo2']);

    // The student's copy of the earlier raises may still be on its way: wait for the call itself.
    const calledOn = new Promise((resolve) => {
      const onChange = (change: { kind: string }) => {
        if (change.kind !== 'called') return;
        student.off('hands:changed', onChange as never);
        resolve(change);
      };
      student.on('hands:changed', onChange as never);
    });
    await call('callOnHand', scene.cast.teacher, scene.classmate.id);
    expect(await calledOn).toMatchObject({ kind: 'called', studentId: scene.classmate.id });
    // Calling on the next one takes it from the one before, on every client as on the hub.
    const next = nextEvent(teacher, 'hands:changed');
    await call('callOnHand', scene.cast.teacher, scene.cast.student.id);
    await next;
    const onHub = (await call('hands', scene.classmate)).body as Hands;
    expect(onHub.queue.map((h) => h.calledAt !== undefined)).toEqual([true, false]);
    expect(seenByTeacher).toEqual(onHub);
    // Everyone gets the same packets: no one's email address is in them.
    expect(JSON.stringify(changes)).not.toMatch(/@school\.test/);

    const cleared = nextEvent(student, 'hands:changed');
    await call('lowerAllHands', scene.cast.teacher);
    expect(await cleared).toMatchObject({ kind: 'lowered', count: 0 });
    expect(((await cleared) as { studentIds: string[] }).studentIds.sort()).toEqual(
      [scene.cast.student.id, scene.classmate.id].sort(),
    );
  });

  it('says so when the teacher calls on a hand that is down', async () => {
    const reply = await call('callOnHand', scene.cast.teacher, scene.classmate.id);
    expectRefused(reply, 404);
    expect(reply.body.error.message).toMatch(/hand is not up/);
  });

  it('lowers the hand of a student who left the class, live', async () => {
    await raise(scene.cast.student);
    await raise(scene.classmate);
    const teacher = await live(scene.cast.teacher);
    const lowered = nextEvent(teacher, 'hands:changed');
    const left = await scene.hub.call('leaveSession', {
      token: scene.classmate.token,
      params: { sessionId: scene.sessionId },
    });
    expect(left.status, JSON.stringify(left.body)).toBeLessThan(300);
    expect(await lowered).toMatchObject({
      kind: 'lowered',
      studentIds: [scene.classmate.id],
      count: 1,
    });
    expect(await queueOf()).toEqual(['emma1']);
  });

  it('no longer shows the hand of a student blocked from the course', async () => {
    await raise(scene.cast.student);
    await raise(scene.classmate);
    await scene.hub.call('setEnrolmentStatus', {
      token: scene.cast.teacher.token,
      params: { courseId: scene.courseId, userId: scene.classmate.id },
      body: { status: 'blocked' },
    });
    expect(await queueOf()).toEqual(['emma1']);
  });

  it('keeps the queue when the hub restarts, for a client catching up', async () => {
    await raise(scene.cast.student);
    await call('callOnHand', scene.cast.teacher, scene.cast.student.id);
    await scene.restart();
    const after = await call('hands', scene.cast.student);
    expect(after.body.queue).toHaveLength(1);
    expect(after.body.queue[0]).toMatchObject({ student: { username: 'emma1' } });
    expect(after.body.queue[0].calledAt).toBeDefined();
  });
});
