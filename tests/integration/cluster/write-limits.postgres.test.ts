import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANSWER_LIMIT } from '../../../src-server/domains/class-tools/polls/poll-service';
import { WRITE_LIMITS } from '../../../src-server/domains/limits/socket-write-limits';
import type { Person } from '../../support/people';
import { collect, nextEvent, type ClientSocket } from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';
import { startTwoNodeSession, type TwoNodeSession } from '../../support/two-node-session';

/**
 * A person's socket write budgets hold for the whole cluster (issue 17,
 * point 2): with devices on two nodes, or hopping from one to the other,
 * they get the budget once in total, not once per node.
 */
let scene: TwoNodeSession;
let a: TestHub;
let b: TestHub;
let teacher: Person;
let ann: Person;
let sessionId: string;
const online = (node: TestHub, person: Person) => scene.online(node, person);

beforeEach(async () => {
  scene = await startTwoNodeSession(['b']);
  ({ a, b, teacher, sessionId } = scene);
  [ann] = scene.students as [Person];
});
afterEach(() => scene.stop());

const room = () => `session:${sessionId}`;
const send = (socket: ClientSocket, text: string) =>
  socket.emitWithAck('chat:send', { room: room(), clientId: randomUUID(), text });

describe('socket write limits across hub nodes', () => {
  it('gives one person the chat write budget once in total over sockets on two nodes', async () => {
    const [onA, onB] = [await online(a, ann), await online(b, ann)];
    const budget = WRITE_LIMITS.chat.points;
    // Half the budget and five more on each node: each node alone stays inside it.
    const each = budget / 2 + 5;
    const replies = await Promise.all(
      Array.from({ length: each }, (_, i) => [send(onA, `a${i}`), send(onB, `b${i}`)]).flat(),
    );
    const refused = replies.filter((reply) => !reply.ok);
    expect(refused).toHaveLength(2 * each - budget);
    expect(refused[0]).toMatchObject({
      ok: false,
      error: {
        code: 'TOO_MANY_REQUESTS',
        message: 'You are sending too fast. Wait a few seconds.',
      },
    });
    // What was accepted was stored once each, and the teacher's budget is their own.
    const teacherSocket = await online(a, teacher);
    expect((await send(teacherSocket, 'Settle down')).ok).toBe(true);
    const history = await a.call('chatHistory', { token: teacher.token, params: { room: room() } });
    expect(history.status).toBe(200);
    const items = history.body.items as { text: string }[];
    expect(items.filter((m) => m.text !== 'Settle down')).toHaveLength(budget);
  });

  it('relays one typing indicator per window whichever node each comes through', async () => {
    const teacherSocket = await online(a, teacher);
    const heard = collect(teacherSocket, 'chat:typing');
    const [onA, onB] = [await online(a, ann), await online(b, ann)];
    const first = nextEvent(teacherSocket, 'chat:typing');
    onA.emit('chat:typing', { room: room() });
    expect(await first).toMatchObject({ userId: ann.id });
    // Within the same two seconds, through the other node and this one again.
    onB.emit('chat:typing', { room: room() });
    onA.emit('chat:typing', { room: room() });
    // A message after them through each socket, heard by the teacher: a typing
    // indicator relayed by either node would have gone out (in order) before it.
    for (const socket of [onB, onA]) {
      const message = nextEvent(teacherSocket, 'chat:message');
      expect((await send(socket, 'done typing')).ok).toBe(true);
      await message;
    }
    expect(heard).toHaveLength(1);
  });

  it('counts poll answers sent to both nodes against one allowance', async () => {
    const created = await a.call('createPoll', {
      token: teacher.token,
      params: { sessionId },
      body: {
        kind: 'poll',
        title: 'Lunch',
        questions: [{ type: 'single', prompt: 'Soup?', options: ['Yes', 'No'] }],
      },
    });
    const pollId = created.body.id as string;
    expect((await a.call('openPoll', { token: teacher.token, params: { pollId } })).status).toBe(
      200,
    );
    const answer = (node: TestHub, i: number) =>
      node.call('answerPoll', {
        token: ann.token,
        params: { pollId },
        body: { responses: [[i % 2]] },
      });
    for (let i = 0; i < ANSWER_LIMIT.points; i++)
      expect((await answer(i % 2 ? a : b, i)).status).toBe(200);
    for (const node of [a, b]) {
      const over = await answer(node, 0);
      expect(over.status).toBe(429);
      expect(over.body.error.message).toMatch(/answering too fast/);
    }
  });
});
