import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src-shared/schemas/chat';
import type { Person } from '../../support/people';
import { collect, nextMatching, type ClientSocket } from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';
import { startTwoNodeSession, type TwoNodeSession } from '../../support/two-node-session';

/**
 * A chat app resends a message with the same client id when it never saw
 * the ack (issue 17, point 2). Behind a load balancer the resend may reach
 * another hub node than the first copy did, or both copies may arrive at
 * once on two nodes: the message is stored once, both acks name it, and
 * every client — on either node — hears it once.
 */
let scene: TwoNodeSession;
let a: TestHub;
let b: TestHub;
let teacher: Person;
let ann: Person;
let ben: Person;
let room: string;
const online = (node: TestHub, person: Person) => scene.online(node, person);

beforeEach(async () => {
  scene = await startTwoNodeSession(['b', 'a'], 'Waves');
  ({ a, b, teacher } = scene);
  [ann, ben] = scene.students as [Person, Person];
  room = `session:${scene.sessionId}`;
});
/**
 * The teacher says hello through each node, so both have served the room
 * (and would remember its recent client ids, were that memory all there was)
 * before the scenes below. Seqs 1 and 2.
 */
const WELCOMES = 2;
beforeEach(async () => {
  for (const node of [a, b]) {
    const hello = await node.call('sendMessage', {
      token: teacher.token,
      params: { room },
      body: { clientId: randomUUID(), text: 'Welcome' },
    });
    expect(hello.status).toBe(201);
  }
});
afterEach(() => scene.stop());

async function send(socket: ClientSocket, text: string, clientId: string): Promise<ChatMessage> {
  const ack = await socket.emitWithAck('chat:send', { room, clientId, text });
  if (!ack.ok) throw new Error(`chat:send refused: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/**
 * The client ids of the messages after the welcomes that `socket` hears. A welcome sent
 * through the other node can reach a socket that connected after its answer (its broadcast
 * crosses the adapter later), so the set-up's messages are left out.
 */
function heardAfterWelcomes(socket: ClientSocket): () => (string | undefined)[] {
  const messages = collect(socket, 'chat:message');
  return () => messages.filter((m) => m.seq > WELCOMES).map((m) => m.clientId);
}

/** The room's messages after the welcomes, as `sync` gives them to a client catching up. */
async function synced(socket: ClientSocket): Promise<[number, string | undefined][]> {
  const reply = await socket.emitWithAck('sync', { rooms: { [room]: WELCOMES } });
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.data.messages.map((message) => [message.seq, message.clientId]);
}

/** Resolves when `socket` hears the message with this client id (rejects after 10 s). */
function hears(socket: ClientSocket, clientId: string): Promise<ChatMessage> {
  const isIt = (message: ChatMessage) => message.clientId === clientId;
  return nextMatching(socket, 'chat:message', isIt, `message ${clientId}`, 10_000);
}

/**
 * Ann sends one more message through each of her sockets in turn; once
 * every listener has them, whatever a second copy of an earlier message
 * would have caused has arrived before them (each node passes on what it
 * stores in order). Returns them.
 */
async function barrier(
  annSockets: readonly ClientSocket[],
  listeners: readonly ClientSocket[],
): Promise<ChatMessage[]> {
  const sent: ChatMessage[] = [];
  for (const annSocket of annSockets) {
    const clientId = randomUUID();
    const heard = listeners.map((socket) => hears(socket, clientId));
    const last = await send(annSocket, 'one more', clientId);
    for (const message of await Promise.all(heard)) expect(message.seq).toBe(last.seq);
    sent.push(last);
  }
  return sent;
}

describe('a chat resend on several hub nodes', () => {
  it('is answered on node B with the copy node A stored: stored once, heard once on both nodes', async () => {
    const [teacherOnA, benOnA, teacherOnB] = [
      await online(a, teacher),
      await online(a, ben),
      await online(b, teacher),
    ];
    const listeners = [teacherOnA, benOnA, teacherOnB];
    const heard = listeners.map(heardAfterWelcomes);
    const clientId = randomUUID();
    const annOnA = await online(a, ann);
    const first = await send(annOnA, 'Is the wave transverse?', clientId);
    expect(first.seq).toBe(WELCOMES + 1);
    // Node A died with the ack in flight, as far as Ann's app knows: it reconnects to B, sends again.
    annOnA.disconnect();
    const annOnB = await online(b, ann);
    const again = await send(annOnB, 'Is the wave transverse?', clientId);
    expect(again).toEqual(first);

    const [last] = (await barrier([annOnB], listeners)) as [ChatMessage];
    expect(last.seq).toBe(first.seq + 1);
    for (const clientIds of heard) expect(clientIds()).toEqual([clientId, last.clientId]);
    for (const socket of [teacherOnA, annOnB])
      expect(await synced(socket)).toEqual([
        [first.seq, clientId],
        [last.seq, last.clientId],
      ]);
  });

  it('sent to nodes A and B at the same instant, is stored once and both acks name it', async () => {
    const [teacherOnA, teacherOnB] = [await online(a, teacher), await online(b, teacher)];
    const heard = [teacherOnA, teacherOnB].map(heardAfterWelcomes);
    const [annOnA, annOnB] = [await online(a, ann), await online(b, ann)];
    const clientIds: string[] = [];
    for (let round = 0; round < 5; round++) {
      const clientId = randomUUID();
      clientIds.push(clientId);
      const [onA, onB] = await Promise.all([
        send(annOnA, `racing ${round}`, clientId),
        send(annOnB, `racing ${round}`, clientId),
      ]);
      expect(onB).toEqual(onA);
      expect(onA.seq).toBe(WELCOMES + round + 1);
    }
    const more = (await barrier([annOnA, annOnB], [teacherOnA, teacherOnB])).map((m) => m.clientId);
    for (const clientIdsHeard of heard) expect(clientIdsHeard()).toEqual([...clientIds, ...more]);
    const expected = [...clientIds, ...more].map((id, i) => [WELCOMES + i + 1, id]);
    expect(await synced(teacherOnB)).toEqual(expected);
    expect(await synced(annOnA)).toEqual(expected);
  });

  it('is answered, not refused, when slow mode would hold back a new message on node B', async () => {
    const slowed = await a.call('updateChatControls', {
      token: teacher.token,
      params: { sessionId: scene.sessionId },
      body: { slowModeSeconds: 60 },
    });
    expect(slowed.status).toBe(200);
    const clientId = randomUUID();
    const say = (node: TestHub, id: string) =>
      node.call('sendMessage', {
        token: ann.token,
        params: { room },
        body: { clientId: id, text: 'Can we go slower?' },
      });
    const first = await say(a, clientId);
    expect(first.status).toBe(201);
    const resent = await say(b, clientId);
    expect(resent.status).toBeLessThan(300);
    expect(resent.body).toEqual(first.body);
    // A new message through B is still held to the window.
    expect((await say(b, randomUUID())).status).toBe(429);
    const history = await b.call('chatHistory', { token: teacher.token, params: { room } });
    expect(history.body.items).toHaveLength(WELCOMES + 1);
  });
});
