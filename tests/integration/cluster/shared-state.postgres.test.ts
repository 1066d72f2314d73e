import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { GOOD_PASSWORD, signUp } from '../../support/people';
import { freshMigratedDatabase } from '../../support/postgres-database';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * Two real hubs in this process on one PostgreSQL database, as two nodes
 * behind a load balancer: nothing a person does may depend on which node
 * answers (issue 17, point 2). Kept minimal; tests/support/cluster.ts is
 * the full cluster with nginx.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function twoNodes(): Promise<[TestHub, TestHub]> {
  const database = await freshMigratedDatabase();
  cleanups.push(() => database.drop());
  const nodes: TestHub[] = [];
  for (let i = 0; i < 2; i++) {
    const node = await startHub({ database: database.url, verification: 'none' });
    cleanups.push(() => node.stop());
    nodes.push(node);
  }
  return nodes as [TestHub, TestHub];
}

describe('two hub nodes on one database', () => {
  it('counts wrong passwords tried on node A when the address signs in on node B', async () => {
    const [a, b] = await twoNodes();
    const person = await signUp(a);
    // Six failures, alternating nodes: each node alone saw three, under the free five.
    for (let i = 0; i < 6; i++) {
      const reply = await (i % 2 ? a : b).call('signIn', {
        body: { username: person.username, password: `wrong-guess-${i}` },
      });
      expect(reply.status).toBe(401);
    }
    const onB = await b.call('signIn', {
      body: { username: person.username, password: GOOD_PASSWORD },
    });
    expect(onB.status).toBe(429);
    expect(onB.body.error.message).toMatch(/^Too many wrong passwords from this device/);
  });

  it('stores a post sent to both nodes at once once, and answers both copies with it', async () => {
    const [a, b] = await twoNodes();
    await signUp(a); // the admin
    const host = await signUp(a, { role: 'teacher' });
    const session = await a.call('createSession', { token: host.token, body: { title: 'Art' } });
    const params = { sessionId: session.body.id as string };
    const body = { text: 'Homework is page 12', clientId: randomUUID() };
    for (let round = 0; round < 5; round++) {
      const copy = { ...body, clientId: randomUUID(), text: `${body.text} (${round})` };
      const replies = await Promise.all(
        [a, b, a, b].map((node) =>
          node.call('createPost', { token: host.token, params, body: copy }),
        ),
      );
      expect(replies.map((reply) => reply.status)).toEqual([201, 201, 201, 201]);
      expect(new Set(replies.map((reply) => reply.body.id)).size).toBe(1);
    }
    const posts = await b.call('posts', { token: host.token, params });
    expect(posts.status).toBe(200);
    const items = (posts.body.items ?? posts.body) as { text: string }[];
    expect(items.map((post) => post.text).sort()).toEqual(
      [0, 1, 2, 3, 4].map((round) => `${body.text} (${round})`),
    );
  });
});

describe('slow mode on two hub nodes', () => {
  it('holds a student to one message per window whichever node each message reaches', async () => {
    const [a, b] = await twoNodes();
    await signUp(a); // the admin
    const host = await signUp(a, { role: 'teacher' });
    const student = await signUp(b);
    const session = await a.call('createSession', { token: host.token, body: { title: 'Art' } });
    const sessionId = session.body.id as string;
    await b.call('joinSession', { token: student.token, body: { token: session.body.joinToken } });
    const slowed = await a.call('updateChatControls', {
      token: host.token,
      params: { sessionId },
      body: { slowModeSeconds: 60 },
    });
    expect(slowed.status).toBe(200);
    const say = (node: TestHub, text: string) =>
      node.call('sendMessage', {
        token: student.token,
        params: { room: `session:${sessionId}` },
        body: { clientId: randomUUID(), text },
      });

    expect((await say(a, 'first')).status).toBe(201);
    const onB = await say(b, 'too soon, other node');
    expect(onB.status).toBe(429);
    expect(onB.body.error.message).toMatch(/^Slow mode is on: one message every 60 seconds/);
    // The teacher is never held back, on either node.
    const teacherSays = await b.call('sendMessage', {
      token: host.token,
      params: { room: `session:${sessionId}` },
      body: { clientId: randomUUID(), text: 'teacher' },
    });
    expect(teacherSays.status).toBe(201);
  });
});
