import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_LIMIT } from '../../../src-server/domains/class-tools/polls/poll-service';
import type { Person } from '../../support/people';
import { startLessonScene, type LessonScene } from './lesson-scene';

/**
 * One answer limit per person (20 in 10 s), whichever way the answers come:
 * REST and the socket's `poll:answer` draw from the same allowance.
 */
let scene: LessonScene;
let pollId: string;
beforeEach(async () => {
  scene = await startLessonScene();
  const created = await scene.hub.call('createPoll', {
    token: scene.teacher.token,
    params: { sessionId: scene.sessionId },
    body: {
      kind: 'poll',
      title: 'Lunch',
      questions: [{ type: 'single', prompt: 'Soup?', options: ['Yes', 'No'] }],
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  pollId = created.body.id as string;
  expect(
    (await scene.hub.call('openPoll', { token: scene.teacher.token, params: { pollId } })).status,
  ).toBe(200);
});
afterEach(() => scene.stop());

const rest = (by: Person, option = 0) =>
  scene.hub.call('answerPoll', {
    token: by.token,
    params: { pollId },
    body: { responses: [[option]] },
  });

describe('the poll answer limit', () => {
  it('is shared by REST and the socket: 10 + 10 answers use it up, the next is refused either way', async () => {
    const socket = await scene.connect(scene.ann);
    const half = ANSWER_LIMIT.points / 2;
    for (let i = 0; i < half; i++) expect((await rest(scene.ann, i % 2)).status).toBe(200);
    for (let i = 0; i < half; i++) {
      const ack = await socket.emitWithAck('poll:answer', { pollId, responses: [[i % 2]] });
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
    }
    const overRest = await rest(scene.ann);
    expect(overRest.status).toBe(429);
    expect(overRest.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect(overRest.body.error.message).toMatch(/answering too fast\. Wait \d+ seconds?/);
    const overSocket = await socket.emitWithAck('poll:answer', { pollId, responses: [[0]] });
    expect(overSocket).toMatchObject({ ok: false, error: { code: 'TOO_MANY_REQUESTS' } });
    // The answer stored is the last one accepted, and a classmate is not slowed by it.
    expect((await rest(scene.ben)).status).toBe(200);
  });

  // Everyone draws from their own allowance; refusals past it say why, whatever the role.
  it.each([
    ['teacher', 403],
    ['ben', 200],
    ['outsider', 403],
    ['blocked', 403],
    ['admin', 403],
  ] as const)('%s: the answer after the limit is 429, within it %i', async (role, within) => {
    const who = scene[role];
    expect((await rest(who)).status).toBe(within);
    for (let i = 1; i < ANSWER_LIMIT.points; i++) await rest(who);
    const over = await rest(who);
    expect(over.status).toBe(429);
    expect(over.body.error.message).toMatch(/answering too fast/);
  });
});
