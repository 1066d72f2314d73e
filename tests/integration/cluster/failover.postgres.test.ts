import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startClusterClass } from '../../support/cluster-class';
import type { ClusterClient } from '../../support/cluster-client';
import { loopbackAliasesWork } from '../../support/from-address';
import { findNginx } from '../../support/nginx';

/**
 * A class of 30 on three hub processes behind nginx; one node is killed with
 * SIGKILL while everyone is chatting. Its clients reconnect through nginx to
 * another node and catch up with `sync`, as the app does. Checked per
 * client: the room's seqs without a gap or a duplicate, every acknowledged
 * message present, and sends the dead node never acknowledged, sent again
 * with the same client id, present exactly once.
 */
const missing = !findNginx()
  ? 'nginx is not installed (apt-get install nginx-light)'
  : !(await loopbackAliasesWork())
    ? 'this machine cannot send from 127.0.0.2 (Linux only), so nginx cannot spread sockets'
    : undefined;
if (missing) console.warn(`failover.postgres.test.ts skipped: ${missing}`);

const KILLED = 1;
let scene: Awaited<ReturnType<typeof startClusterClass>>;

beforeAll(async () => {
  if (missing) return;
  scene = await startClusterClass(29);
}, 180_000);
afterAll(async () => {
  await scene?.stop();
}, 60_000);

/** Each client sends one message; resolves when every send got its ack or gave up. */
function everyoneSays(clients: readonly ClusterClient[], room: string, round: string) {
  return Promise.all(clients.map((client, i) => client.send(room, `${round} from ${i}`)));
}

describe.skipIf(missing)('a node killed mid-class', () => {
  it('loses nothing: its clients continue on another node and catch up', async () => {
    const { clients, cluster, room } = scene;
    const killedId = cluster.nodes[KILLED]!.id;
    const onKilled = clients.filter((client) => client.node === killedId);
    expect(onKilled.length).toBe(10);

    await everyoneSays(clients, room, 'before');
    // The kill lands while a round of sends is in flight on every node.
    const during = everyoneSays(clients, room, 'during');
    await cluster.kill(KILLED);
    await during;
    await Promise.all(clients.map((client) => client.settled()));
    // The app's outbox: what the dead node never acknowledged goes again, same client id.
    const resent = await Promise.all(clients.map((client) => client.resendUnacked()));
    await everyoneSays(clients, room, 'after');

    for (const client of onKilled) {
      expect(client.node).not.toBe(killedId);
      expect(client.nodes.length).toBeGreaterThanOrEqual(2);
    }
    const sends = clients.length * 3;
    const acked = clients.flatMap((client) => [...client.acked.values()]);
    expect(acked).toHaveLength(sends); // every send acknowledged in the end, resent or not
    // Exactly one message per send: a resend of a stored message got the same seq back.
    expect(new Set(acked.map((message) => message.seq)).size).toBe(sends);

    await vi
      .waitFor(
        () => {
          for (const client of clients) expect(client.seqs(room)).toHaveLength(sends);
        },
        { timeout: 20_000, interval: 200 },
      )
      .catch((error: unknown) => {
        console.error(missingReport(clients, room, acked, killedId));
        throw error;
      });
    const everySeq = Array.from({ length: sends }, (_, i) => i + 1);
    for (const client of clients) {
      expect(client.seqs(room)).toEqual(everySeq); // no gap, no duplicate
      const held = client.held.get(room)!;
      for (const message of acked) expect(held.get(message.seq)?.clientId).toBe(message.clientId);
      const clientIds = [...held.values()].map((message) => message.clientId);
      expect(new Set(clientIds).size).toBe(sends);
      for (const live of client.liveByConnection) expect(new Set(live).size).toBe(live.length);
    }
    console.info(
      `failover: ${onKilled.length} clients moved off the killed node; ${resent.reduce((a, b) => a + b, 0)} unacknowledged sends resent`,
    );
  }, 120_000);
});

/** Who lacks which message, and whether its sender was on the killed node: what a failure needs. */
function missingReport(
  clients: readonly ClusterClient[],
  room: string,
  acked: readonly { seq: number; clientId?: string | undefined }[],
  killedId: string,
): string {
  const senderOf = new Map<string, ClusterClient>();
  for (const client of clients) for (const id of client.acked.keys()) senderOf.set(id, client);
  return clients
    .map((client, i) => {
      const held = client.held.get(room)!;
      const missing = acked.filter((m) => !held.has(m.seq));
      if (missing.length === 0) return '';
      const from = missing.map((m) => {
        const sender = senderOf.get(m.clientId ?? '');
        return `${m.seq}${sender?.nodes[0] === killedId ? '(sent via killed node)' : ''}`;
      });
      return `client ${i} (nodes ${client.nodes.join(' → ')}) lacks ${from.join(', ')}`;
    })
    .filter(Boolean)
    .join('\n');
}
