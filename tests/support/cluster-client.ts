import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { ChatMessage } from '../../src-shared/schemas/chat';
import type { ClientSocket } from './sockets';

/**
 * A student's app behind the load balancer, as the renderer's socket client
 * behaves (src-renderer/api/socket-client.ts, features/chat/chat-actions.ts):
 * it connects from its own address (nginx hashes sockets by address), reconnects
 * on its own when its node dies, then catches up with `sync` from the last
 * contiguous seq of each room and merges by seq, and again when a live
 * message shows a hole; sends the hub never
 * acknowledged are sent again with the same client id.
 */
export class ClusterClient {
  readonly socket: ClientSocket;
  /** Every message held, by room and seq: what the chat would show. */
  readonly held = new Map<string, Map<number, ChatMessage>>();
  /** Seqs delivered live on each connection, in arrival order (a duplicate here is the hub's fault). */
  readonly liveByConnection: number[][] = [];
  /** The node of each connection, in order. */
  readonly nodes: string[] = [];
  /** Sends the hub acknowledged, by client id. */
  readonly acked = new Map<string, ChatMessage>();
  private readonly unacked = new Map<string, { room: string; text: string }>();
  private caughtUp: Promise<void> = Promise.resolve();

  private constructor(url: string, token: string, address: string, rooms: readonly string[]) {
    this.socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      localAddress: address,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    } as Parameters<typeof io>[1]);
    for (const room of rooms) this.held.set(room, new Map());
    this.socket.on('chat:message', (message) => {
      this.liveByConnection.at(-1)?.push(message.seq);
      // chat-live.ts: a seq beyond the next one means one went missing on the way (a node
      // that stored it died before passing it on): catch up fills the hole.
      const newest = this.seqs(message.room).at(-1) ?? 0;
      this.hold(message);
      if (newest > 0 && message.seq > newest + 1)
        this.caughtUp = this.caughtUp.then(() => this.catchUp()).catch(() => undefined);
    });
    this.socket.on('connect', () => {
      this.liveByConnection.push([]);
      this.caughtUp = this.onConnect();
    });
  }

  /** Connected, its node known. */
  static async connect(
    url: string,
    token: string,
    address: string,
    rooms: readonly string[],
  ): Promise<ClusterClient> {
    const client = new ClusterClient(url, token, address, rooms);
    await new Promise<void>((resolve, reject) => {
      client.socket.once('connect', () => resolve());
      client.socket.once('connect_error', reject);
    });
    await client.caughtUp;
    return client;
  }

  get node(): string {
    return this.nodes.at(-1) ?? '';
  }

  /** Resolves once connected again (to whichever node) and caught up. */
  async settled(): Promise<void> {
    while (!this.socket.connected)
      await new Promise<void>((resolve) => this.socket.once('connect', () => resolve()));
    await this.caughtUp;
  }

  /** Sends once; an ack that never comes (node died) leaves it for `resendUnacked`. */
  async send(room: string, text: string, clientId: string = randomUUID()): Promise<void> {
    this.unacked.set(clientId, { room, text });
    try {
      const reply = await this.socket
        .timeout(5000)
        .emitWithAck('chat:send', { room, clientId, text });
      if (!reply.ok) throw new Error(`chat:send refused: ${JSON.stringify(reply.error)}`);
      this.unacked.delete(clientId);
      this.acked.set(clientId, reply.data);
      this.hold(reply.data);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('chat:send refused')) throw error;
      // No ack: the connection went away with it. The app retries after reconnecting.
    }
  }

  /** What the app's outbox does after a reconnect: the same client ids again. */
  async resendUnacked(): Promise<number> {
    const pending = [...this.unacked];
    for (const [clientId, { room, text }] of pending) await this.send(room, text, clientId);
    return pending.length;
  }

  seqs(room: string): number[] {
    return [...(this.held.get(room)?.keys() ?? [])].sort((a, b) => a - b);
  }

  close(): void {
    this.socket.disconnect();
  }

  private hold(message: ChatMessage): void {
    this.held.get(message.room)?.set(message.seq, message);
  }

  private async onConnect(): Promise<void> {
    const pong = await this.socket.timeout(5000).emitWithAck('hub:ping');
    if (pong.ok) this.nodes.push(pong.data.node);
    await this.catchUp();
  }

  /** chat-actions.ts catchUp: from the last contiguous seq per room, again while there is more. */
  private async catchUp(): Promise<void> {
    const rooms: Record<string, number> = {};
    for (const room of this.held.keys()) rooms[room] = contiguousUntil(this.seqs(room));
    for (let round = 0; round < 50; round++) {
      const reply = await this.socket.timeout(5000).emitWithAck('sync', { rooms: { ...rooms } });
      if (!reply.ok) throw new Error(`sync refused: ${JSON.stringify(reply.error)}`);
      for (const message of reply.data.messages) this.hold(message);
      if (!reply.data.more) return;
      for (const m of reply.data.messages) rooms[m.room] = Math.max(rooms[m.room] ?? 0, m.seq);
    }
  }
}

/** The highest seq n such that 1..n are all present. */
export function contiguousUntil(sorted: readonly number[]): number {
  let n = 0;
  for (const seq of sorted) {
    if (seq !== n + 1) break;
    n = seq;
  }
  return n;
}
