import type { ChatRecord } from '../records';
import type { HistoryRepository } from '../repositories';

/** How many recent client ids per room are remembered to drop resends. */
export const DEDUPE_WINDOW = 500;

/** A room's window: `author:clientId` → the seq its message got (pending while it is stored). */
export type SeenClientIds = Map<string, Promise<number>>;

/**
 * The client ids of each room's latest messages, so a resend after a flaky
 * reconnect is answered with the stored message instead of being stored
 * twice. Rebuilt from the history the first time a room is used after a
 * start. In memory: right for the lowdb folder, which one hub process owns
 * (data-folder-lock.ts); hub nodes sharing PostgreSQL use a unique index
 * instead (postgres/chat-history.ts).
 */
export class RecentClientIds {
  /** The loading (then loaded) window of each room: callers arriving during the load wait for it. */
  private readonly byRoom = new Map<string, Promise<SeenClientIds>>();

  constructor(private readonly history: Pick<HistoryRepository<ChatRecord>, 'page'>) {}

  forRoom(room: string): Promise<SeenClientIds> {
    let seen = this.byRoom.get(room);
    if (!seen) {
      seen = this.load(room);
      this.byRoom.set(room, seen);
      // A failed read is not remembered: the next message tries again.
      seen.catch(() => this.byRoom.delete(room));
    }
    return seen;
  }

  remember(seen: SeenClientIds, key: string, seq: Promise<number>): void {
    // A failed store is answered to its sender; this copy must not become an unhandled rejection (it stops the hub).
    void seq.catch(() => undefined);
    seen.set(key, seq);
    if (seen.size > DEDUPE_WINDOW) seen.delete(seen.keys().next().value!);
  }

  /** After a failed store: a later resend tries again. Only this store's own entry goes. */
  forget(seen: SeenClientIds, key: string, seq: Promise<number>): void {
    if (seen.get(key) === seq) seen.delete(key);
  }

  private async load(room: string): Promise<SeenClientIds> {
    const seen: SeenClientIds = new Map();
    for (const entry of (await this.history.page(room, DEDUPE_WINDOW)).reverse())
      seen.set(`${entry.entry.authorId}:${entry.entry.clientId}`, Promise.resolve(entry.seq));
    return seen;
  }
}
