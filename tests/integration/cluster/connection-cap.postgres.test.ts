import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { startNodes, type TestNodes } from '../../support/cluster';
import { signUp } from '../../support/people';
import { connectSocket, type ClientSocket } from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';

/**
 * The per-person connection cap across hub nodes without a question to the
 * other nodes per connection (issue 17: that question timed out in a
 * connect storm of 1,500 clients). Presence gossip tells each node what the
 * others hold; only a person near the cap makes a node ask. The questions
 * are counted on the adapter's own channel: a FETCH_SOCKETS packet (type 7
 * in socket.io-adapter's cluster protocol) is one node asking the others.
 */
let cluster: TestNodes;
let listener: pg.Client | undefined;
const sockets: ClientSocket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await listener?.end();
  listener = undefined;
  await cluster.stop();
});

const FETCH_SOCKETS = 7;

/** Counts the nodes' "which sockets do you hold?" questions from now on. */
async function countQuestions(databaseUrl: string): Promise<{ readonly asked: number }> {
  listener = new pg.Client({ connectionString: databaseUrl });
  await listener.connect();
  const counter = { asked: 0 };
  listener.on('notification', ({ payload }) => {
    const type = (JSON.parse(payload ?? '{}') as { type?: number }).type;
    if (type === FETCH_SOCKETS) counter.asked++;
  });
  await listener.query('LISTEN "socket.io#/"');
  return counter;
}

const connect = async (node: TestHub, token: string) => {
  const socket = await connectSocket(node.url, token);
  sockets.push(socket);
  return socket;
};

describe('the connection cap across hub nodes, in a connect storm', () => {
  it('admits a crowd with a device on each node without asking the other node, and still refuses one too many', async () => {
    cluster = await startNodes(2, { nodeTimeoutMs: 2000, maxConnectionsPerPerson: 4 });
    const [a, b] = cluster.nodes as [TestHub, TestHub];
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await signUp(a));
    const questions = await countQuestions(cluster.databaseUrl);

    await Promise.all(people.flatMap((p) => [connect(a, p.token), connect(b, p.token)]));
    expect(sockets).toHaveLength(24);
    expect(questions.asked).toBe(0);

    // One person fills the cap over both nodes; past half of it the nodes ask each other.
    const ann = people[0]!;
    await connect(a, ann.token);
    await connect(b, ann.token);
    for (const node of [a, b])
      await expect(connectSocket(node.url, ann.token)).rejects.toMatchObject({
        data: {
          code: 'TOO_MANY_REQUESTS',
          message: expect.stringMatching(/^You already have 4 connections open to this hub\./),
        },
      });
    expect(questions.asked).toBeGreaterThan(0);
  });
});
