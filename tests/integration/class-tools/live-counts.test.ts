import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerToClientEvents } from '../../../src-shared/events';
import { signUp, type Person } from '../../support/people';
import { collect, type ClientSocket } from '../../support/sockets';
import { startLessonScene, type LessonScene } from './lesson-scene';

/**
 * The class tools' live counts — hands up, open questions, poll answers,
 * check-ins, exit-ticket answers — for each role looking at a class page:
 * the teacher and an admin looking in both see them change without a
 * reload; a student sees the class's hands and questions but never the
 * counts of others' answers; an outsider and a blocked student hear nothing.
 */
let scene: LessonScene;
beforeEach(async () => {
  scene = await startLessonScene();
});
afterEach(() => scene.stop());

type Counted =
  | 'hands:changed'
  | 'question:changed'
  | 'poll:results'
  | 'attendance:counts'
  | 'exit-ticket:counts';
const COUNTED: Counted[] = [
  'hands:changed',
  'question:changed',
  'poll:results',
  'attendance:counts',
  'exit-ticket:counts',
];
type Heard = { [E in Counted]: Parameters<ServerToClientEvents[E]>[0][] };

/** Opens the class page as the renderer does: connect, then ask to watch the session. */
async function onClassPage(person: Person) {
  const socket = await scene.connect(person);
  const heard = Object.fromEntries(COUNTED.map((e) => [e, collect(socket, e)])) as Heard;
  const watched = await socket.emitWithAck('session:watch', { sessionId: scene.sessionId });
  return { socket, heard, watched };
}

const asSession = () => ({ params: { sessionId: scene.sessionId } });

/** One of each: a hand, a question, a poll answer, a check-in, an exit-ticket answer. */
async function aLessonMinute() {
  const { hub, teacher, ann } = scene;
  expect((await hub.call('raiseHand', { token: ann.token, ...asSession() })).status).toBe(200);
  const asked = await hub.call('askQuestion', {
    token: ann.token,
    ...asSession(),
    body: { text: 'Is a virus a cell?' },
  });
  expect(asked.status).toBe(201);
  const poll = await hub.call('createPoll', {
    token: teacher.token,
    ...asSession(),
    body: {
      kind: 'poll',
      title: 'Ready?',
      questions: [{ type: 'single', prompt: 'Ready?', options: ['Yes', 'No'] }],
    },
  });
  const pollId = poll.body.id as string;
  await hub.call('openPoll', { token: teacher.token, params: { pollId } });
  const answered = await hub.call('answerPoll', {
    token: ann.token,
    params: { pollId },
    body: { responses: [[0]] },
  });
  expect(answered.status).toBe(200);
  await hub.call('openAttendance', {
    token: teacher.token,
    ...asSession(),
    body: { lateAfterMinutes: 5 },
  });
  const checked = await hub.call('checkIn', {
    token: ann.token,
    body: { token: scene.joinToken, method: 'token' },
  });
  expect(checked.status).toBe(200);
  const ticket = await hub.call('createExitTicket', {
    token: teacher.token,
    ...asSession(),
    body: { question: 'One thing you learnt?' },
  });
  const ticketId = ticket.body.id as string;
  const exit = await hub.call('answerExitTicket', {
    token: ann.token,
    params: { ticketId },
    body: { text: 'Cells have walls' },
  });
  expect(exit.status).toBe(200);
}

/** Waits until every count a reader expects has arrived (coalesced counts come ~100 ms later). */
async function allCountsReached(heard: Heard) {
  await expect.poll(() => COUNTED.filter((event) => heard[event].length === 0)).toEqual([]);
}

/** Everything sent before now has reached these sockets (one ack round trip each). */
const settle = (sockets: ClientSocket[]) =>
  Promise.all(sockets.map((s) => s.emitWithAck('hub:ping')));

describe('live class-tool counts, per role', () => {
  it('teacher: every count follows the class', async () => {
    const teacher = await onClassPage(scene.teacher);
    expect(teacher.watched.ok).toBe(true);
    await aLessonMinute();
    await allCountsReached(teacher.heard);
    expect(teacher.heard['poll:results'].at(-1)?.results.answered).toBe(1);
    expect(teacher.heard['attendance:counts'].at(-1)?.counts).toMatchObject({ present: 1 });
    expect(teacher.heard['exit-ticket:counts'].at(-1)?.answered).toBe(1);
  });

  it('admin looking in: every count follows the class, as for the teacher', async () => {
    const admin = await onClassPage(scene.admin);
    expect(admin.watched.ok).toBe(true);
    await aLessonMinute();
    await allCountsReached(admin.heard);
    expect(admin.heard['hands:changed'].at(-1)?.count).toBe(1);
    expect(admin.heard['question:changed'].at(-1)?.text).toBe('Is a virus a cell?');
    expect(admin.heard['poll:results'].at(-1)?.results.answered).toBe(1);
    expect(admin.heard['attendance:counts'].at(-1)?.counts).toMatchObject({ present: 1 });
    expect(admin.heard['exit-ticket:counts'].at(-1)?.answered).toBe(1);
  });

  it('admin who stops watching: the counts stop too', async () => {
    const admin = await onClassPage(scene.admin);
    await admin.socket.emitWithAck('session:unwatch', { sessionId: scene.sessionId });
    const teacher = await onClassPage(scene.teacher);
    await aLessonMinute();
    await allCountsReached(teacher.heard);
    await settle([admin.socket]);
    for (const event of COUNTED) expect(admin.heard[event], event).toEqual([]);
  });

  it('student: the class’s hands and questions, never the counts of others’ answers', async () => {
    const ben = await onClassPage(scene.ben);
    const teacher = await onClassPage(scene.teacher);
    expect(ben.watched.ok).toBe(true);
    await aLessonMinute();
    await allCountsReached(teacher.heard);
    await settle([ben.socket]);
    expect(ben.heard['hands:changed'].length).toBeGreaterThan(0);
    expect(ben.heard['question:changed'].length).toBeGreaterThan(0);
    expect(ben.heard['poll:results']).toEqual([]);
    expect(ben.heard['attendance:counts']).toEqual([]);
    expect(ben.heard['exit-ticket:counts']).toEqual([]);
  });

  for (const role of ['outsider', 'blocked'] as const)
    it(`${role}: may not watch, and hears nothing of the class`, async () => {
      const person = await onClassPage(scene[role]);
      expect(person.watched.ok).toBe(false);
      const teacher = await onClassPage(scene.teacher);
      await aLessonMinute();
      await allCountsReached(teacher.heard);
      await settle([person.socket]);
      for (const event of COUNTED) expect(person.heard[event], event).toEqual([]);
    });

  it('admin who loses admin rights while looking in: the counts stop at once', async () => {
    const { hub, admin } = scene;
    const other = await signUp(hub, { role: 'teacher', username: 'second_admin' });
    const promote = (isAdmin: boolean) =>
      hub.call('adminUpdateUser', {
        token: admin.token,
        params: { userId: other.id },
        body: { isAdmin },
      });
    expect((await promote(true)).status).toBe(200);
    const watcher = await onClassPage(other);
    expect(watcher.watched.ok).toBe(true);
    expect((await promote(false)).status).toBe(200);
    const teacher = await onClassPage(scene.teacher);
    await aLessonMinute();
    await allCountsReached(teacher.heard);
    await settle([watcher.socket]);
    for (const event of COUNTED) expect(watcher.heard[event], event).toEqual([]);
  });
});
