import type { UserId } from '../../../src-shared/ids';

/** Who came online and who went offline in the rooms of one audience since the last report. */
export interface PresenceDiff {
  readonly online: UserId[];
  readonly offline: UserId[];
}

/**
 * Who is connected, counted per person (several devices count once), and
 * what changed since the last report. The socket layer tells it about
 * connections; it reports changes in batches, so a class connecting at once
 * costs one event per room per report, not one per arrival per person in it.
 */
export class Presence {
  private readonly connections = new Map<UserId, number>();
  /** People whose connections changed since the last report: were they online then, and who should hear. */
  private readonly pending = new Map<UserId, { wasOnline: boolean; audience: Set<string> }>();

  isOnline(userId: UserId): boolean {
    return (this.connections.get(userId) ?? 0) > 0;
  }

  /** Connections open for this person now (to cap them). */
  connectionsOf(userId: UserId): number {
    return this.connections.get(userId) ?? 0;
  }

  /** A device connected; `audience` names the rooms that hear about it. */
  connected(userId: UserId, audience: Iterable<string>): void {
    this.note(userId, audience);
    this.connections.set(userId, this.connectionsOf(userId) + 1);
  }

  disconnected(userId: UserId, audience: Iterable<string>): void {
    this.note(userId, audience);
    const left = this.connectionsOf(userId) - 1;
    if (left > 0) this.connections.set(userId, left);
    else this.connections.delete(userId);
  }

  /** People whose change is waiting to be reported (to add audiences that need a look-up). */
  pendingPeople(): UserId[] {
    return [...this.pending.keys()];
  }

  addAudience(userId: UserId, audience: Iterable<string>): void {
    const entry = this.pending.get(userId);
    if (entry) for (const room of audience) entry.audience.add(room);
  }

  /** The changes since the last call, per room; someone who came and went in between is not news. */
  takeChanges(): Map<string, PresenceDiff> {
    const byRoom = new Map<string, PresenceDiff>();
    for (const [userId, { wasOnline, audience }] of this.pending) {
      const online = this.isOnline(userId);
      if (online === wasOnline) continue;
      for (const room of audience) {
        const diff = byRoom.get(room) ?? { online: [], offline: [] };
        (online ? diff.online : diff.offline).push(userId);
        byRoom.set(room, diff);
      }
    }
    this.pending.clear();
    return byRoom;
  }

  private note(userId: UserId, audience: Iterable<string>): void {
    let entry = this.pending.get(userId);
    if (!entry) {
      entry = { wasOnline: this.isOnline(userId), audience: new Set() };
      this.pending.set(userId, entry);
    }
    for (const room of audience) entry.audience.add(room);
  }
}
