import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startClusterClass } from '../../support/cluster-class';
import { loopbackAliasesWork } from '../../support/from-address';
import { findNginx } from '../../support/nginx';
import { collect } from '../../support/sockets';

/**
 * What a school gets from deploy/README.md: three hub processes on one
 * PostgreSQL database, behind Debian's nginx with the shipped site. Clients
 * spread over the nodes still see one class: every chat message, post and
 * comment reaches every one of them, whichever node they are on.
 */
const missing = !findNginx()
  ? 'nginx is not installed (apt-get install nginx-light)'
  : !(await loopbackAliasesWork())
    ? 'this machine cannot send from 127.0.0.2 (Linux only), so nginx cannot spread sockets'
    : undefined;
if (missing) console.warn(`nginx-cluster.postgres.test.ts skipped: ${missing}`);

let scene: Awaited<ReturnType<typeof startClusterClass>>;

beforeAll(async () => {
  if (missing) return;
  scene = await startClusterClass(8);
}, 120_000);
afterAll(async () => {
  await scene?.stop();
}, 60_000);

describe.skipIf(missing)('three hub nodes behind nginx', () => {
  it('spreads the class over all three nodes', () => {
    const nodes = new Set(scene.clients.map((client) => client.node));
    expect(nodes).toEqual(new Set(scene.cluster.nodes.map((node) => node.id)));
  });

  it('answers REST from every node (least_conn)', async () => {
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => scene.viaNginx('health').then((reply) => reply.body.node)),
    );
    expect(new Set(answers)).toEqual(new Set(scene.cluster.nodes.map((node) => node.id)));
  });

  it('delivers every chat message to every client, whichever node sent it', async () => {
    const { clients, room } = scene;
    await Promise.all(
      clients.map(async (client, i) => {
        await client.send(room, `hello from ${i}`);
        await client.send(room, `again from ${i}`);
      }),
    );
    const sent = clients.length * 2;
    for (const client of clients) expect(client.acked.size).toBe(2);
    await vi.waitFor(
      () => {
        for (const client of clients) expect(client.seqs(room)).toHaveLength(sent);
      },
      { timeout: 15_000, interval: 100 },
    );
    const everySeq = Array.from({ length: sent }, (_, i) => i + 1);
    for (const client of clients) {
      expect(client.seqs(room)).toEqual(everySeq);
      // Live, not just caught up: each connection heard each message once.
      expect([...client.liveByConnection[0]!].sort((a, b) => a - b)).toEqual(everySeq);
    }
  });

  it('runs a session: a post and a comment reach everyone watching on every node', async () => {
    const { clients, sessionId, teacher, people, viaNginx } = scene;
    for (const client of clients) {
      const watched = await client.socket.emitWithAck('session:watch', { sessionId });
      expect(watched.ok).toBe(true);
    }
    const posts = clients.map((client) => collect(client.socket, 'post:created'));
    const created = await viaNginx('createPost', {
      token: teacher.token,
      params: { sessionId },
      body: { text: 'Today: pendulums' },
    });
    expect(created.status).toBe(201);
    await everyoneHeard(posts, (post) => post.text, 'Today: pendulums');

    const comments = clients.map((client) => collect(client.socket, 'comment:created'));
    const commented = await viaNginx('createComment', {
      token: people[1]!.token,
      params: { postId: created.body.id },
      body: { text: 'Does the mass matter?' },
    });
    expect(commented.status).toBe(201);
    await everyoneHeard(comments, ({ comment }) => comment.text, 'Does the mass matter?');
  });
});

/** Waits until every client's list holds exactly one event, showing `expected`. */
async function everyoneHeard<T>(
  heard: readonly T[][],
  shown: (event: T) => string,
  expected: string,
): Promise<void> {
  await vi.waitFor(
    () => {
      for (const events of heard) expect(events.map(shown)).toEqual([expected]);
    },
    { timeout: 10_000, interval: 100 },
  );
}
