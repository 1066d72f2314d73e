import type { Room } from '../../../src-shared/schemas/chat';
import type { Storage } from '../../storage/repositories';

/** How many recent client ids per room are remembered to drop resends. */
const DEDUPE_WINDOW = 500;

/**
 * The client ids of each room's latest messages (`author:clientId` → seq),
 * so a resend after a flaky reconnect is answered with the stored message
 * instead of being stored twice. Rebuilt from the history after a restart.
 */
export class RecentClientIds {
  private readonly byRoom = new Map<string, Map<string, Promise<number>>>();

  constructor(private readonly storage: Pick<Storage, 'chat'>) {}

  async forRoom(room: Room): Promise<Map<string, Promise<number>>> {
    let seen = this.byRoom.get(room);
    if (!seen) {
      seen = new Map();
      this.byRoom.set(room, seen);
      for (const entry of (await this.storage.chat.page(room, DEDUPE_WINDOW)).reverse()) {
        seen.set(`${entry.entry.authorId}:${entry.entry.clientId}`, Promise.resolve(entry.seq));
      }
    }
    return seen;
  }

  remember(seen: Map<string, Promise<number>>, key: string, seq: Promise<number>): void {
    // A failed store is answered to its sender; this copy must not become an unhandled rejection (it stops the hub).
    void seq.catch(() => undefined);
    seen.set(key, seq);
    if (seen.size > DEDUPE_WINDOW) seen.delete(seen.keys().next().value!);
  }
}
