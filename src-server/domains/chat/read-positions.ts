import type { UserId } from '../../../src-shared/ids';
import type { Room } from '../../../src-shared/schemas/chat';
import type { Logger } from '../../logger';
import type { ReadMarkersRepository } from '../../storage/repositories';

/**
 * How long a read position may wait in memory before it is written. Five seconds: a class of
 * 200 answers ~10 messages a second with a receipt each, so each person's positions of those
 * seconds become one write — on PostgreSQL one transaction per person and flush, on lowdb one
 * journal line and fsync per flush beside the chat log's. Live devices hear positions at once
 * (the chat.read event), so only a crash or another hub node's room list sees the delay.
 */
const FLUSH_EVERY_MS = 5000;

/**
 * How far each person has read each chat room. A read position changes with
 * every message a person sends or reads, so it lives in memory and is
 * written in the background — coalesced per person and room, every five seconds
 * and at close — never on the send path. A crash loses at most the last
 * five seconds of positions: a few messages shown as unread again, never a message.
 */
export class ReadPositions {
  private pending = new Map<string, Position>();
  /**
   * What the last flush wrote, kept until the next one: someone reading along answers every
   * message, and their next receipt finds their position here instead of asking storage (a
   * query on PostgreSQL). Only positions that moved in the last ten seconds are kept.
   */
  private written = new Map<string, Position>();
  private flushing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly markers: ReadMarkersRepository,
    private readonly logger: Logger,
  ) {
    this.timer = setInterval(() => void this.flush(), FLUSH_EVERY_MS);
    this.timer.unref();
  }

  async get(userId: UserId, room: Room): Promise<number | undefined> {
    return this.inMemory(userId, room) ?? (await this.markers.get(userId, room))?.seq;
  }

  /** The position when memory has it (set or written in the last seconds), without asking storage. */
  inMemory(userId: UserId, room: Room): number | undefined {
    const id = key(userId, room);
    return (this.pending.get(id) ?? this.written.get(id))?.seq;
  }

  /** Records a new position (in memory); it is written within five seconds. */
  set(userId: UserId, room: Room, seq: number): void {
    this.pending.set(key(userId, room), { userId, room, seq });
  }

  /** Writes every waiting position; one flush at a time, so an older one never lands last. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writePending());
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private async writePending(): Promise<void> {
    const due = this.pending;
    this.pending = new Map();
    this.written = due;
    if (due.size === 0) return;
    const batch = [...due.entries()];
    const results = await Promise.allSettled(
      batch.map(([id, { userId, room, seq }]) =>
        this.markers.put({ id, userId, stream: room, seq, readSeqs: [] }),
      ),
    );
    results.forEach((result, i) => {
      if (result.status === 'fulfilled') return;
      const [id, position] = batch[i]!;
      // Kept for the next flush unless a newer position arrived meanwhile.
      if (!this.pending.has(id)) this.pending.set(id, position);
      this.logger.warn({ err: result.reason }, 'could not write a chat read position; will retry');
    });
  }
}

interface Position {
  readonly userId: UserId;
  readonly room: Room;
  readonly seq: number;
}

const key = (userId: UserId, room: Room) => `${userId}|${room}`;
