import type { UserId } from '../../../src-shared/ids';

/** Who came online and who went offline in the rooms of one audience since the last report. */
export interface PresenceDiff {
  readonly online: UserId[];
  readonly offline: UserId[];
}

/** A person whose online state changed since the last report, and the rooms that hear of it. */
export interface PresenceNews {
  readonly userId: UserId;
  readonly online: boolean;
  readonly audience: Set<string>;
}

/** News grouped per room: one `presence:changed` each. */
export function diffsByRoom(news: readonly PresenceNews[]): Map<string, PresenceDiff> {
  const byRoom = new Map<string, PresenceDiff>();
  for (const { userId, online, audience } of news) {
    for (const room of audience) {
      const diff = byRoom.get(room) ?? { online: [], offline: [] };
      (online ? diff.online : diff.offline).push(userId);
      byRoom.set(room, diff);
    }
  }
  return byRoom;
}

/**
 * Who is connected, counted per person (several devices count once), and
 * what changed since the last report. The socket layer tells it about
 * connections; it reports changes in batches, so a class connecting at once
 * costs one event per room per report, not one per arrival per person in it.
 */
/** One node's connections of a person and the rooms that hear about them. */
export interface RemotePresence {
  readonly count: number;
  readonly audience: readonly string[];
  /** The devices (desktop app or browser ids) among those connections, for the device board. */
  readonly devices?: readonly string[];
}

function sameCount(a: Map<UserId, RemotePresence>, b: Map<UserId, RemotePresence>, id: UserId) {
  return (a.get(id)?.count ?? 0) === (b.get(id)?.count ?? 0);
}

export class Presence {
  private readonly connections = new Map<UserId, number>();
  /** The rooms that hear about each person connected here, for the other hub nodes. */
  private readonly audiences = new Map<UserId, Set<string>>();
  /** Other hub nodes' people: connections and audience, per node (realtime/presence-gossip.ts). */
  private readonly nodes = new Map<string, Map<UserId, RemotePresence>>();
  /** People whose connections changed since the last report: were they online then, and who should hear. */
  private readonly pending = new Map<
    UserId,
    { wasOnline: boolean; readonly audience: Set<string> }
  >();

  /** Online anywhere: on this node or on another hub node sharing the database. */
  isOnline(userId: UserId): boolean {
    return (this.connections.get(userId) ?? 0) > 0 || this.onOtherNodes(userId);
  }

  /** Connected on another hub node, as that node last told this one (presence gossip). */
  onOtherNodes(userId: UserId): boolean {
    for (const people of this.nodes.values()) if (people.has(userId)) return true;
    return false;
  }

  /** Connections open for this person now (to cap them). */
  connectionsOf(userId: UserId): number {
    return this.connections.get(userId) ?? 0;
  }

  /** Connections the other hub nodes last said this person has there (gossip, ~100 ms old). */
  remoteConnectionsOf(userId: UserId): number {
    let count = 0;
    for (const people of this.nodes.values()) count += people.get(userId)?.count ?? 0;
    return count;
  }

  /** A device connected; `audience` names the rooms that hear about it. */
  connected(userId: UserId, audience: Iterable<string>): void {
    this.note(userId, audience);
    this.connections.set(userId, this.connectionsOf(userId) + 1);
    const rooms = this.audiences.get(userId) ?? new Set();
    for (const room of audience) rooms.add(room);
    this.audiences.set(userId, rooms);
  }

  disconnected(userId: UserId, audience: Iterable<string>): void {
    this.note(userId, audience);
    const left = this.connectionsOf(userId) - 1;
    if (left > 0) this.connections.set(userId, left);
    else {
      this.connections.delete(userId);
      this.audiences.delete(userId);
    }
  }

  /** This node's part, as the other nodes keep it. */
  local(userId: UserId): RemotePresence | undefined {
    const count = this.connectionsOf(userId);
    return count > 0 ? { count, audience: [...(this.audiences.get(userId) ?? [])] } : undefined;
  }

  localPeople(): UserId[] {
    return [...this.connections.keys()];
  }

  /**
   * Another node's part of a person (absent: none there). With `report`,
   * a change of the person's online state is reported by this node too — the
   * one node that reports what other nodes changed, so a change both nodes
   * missed at their own report (two last devices closing at once on two
   * nodes) is still reported; a duplicate report is harmless.
   */
  setRemote(node: string, userId: UserId, part: RemotePresence | undefined, report: boolean): void {
    if (report) this.note(userId, part?.audience ?? this.remoteAudience(userId));
    const people = this.nodes.get(node) ?? new Map<UserId, RemotePresence>();
    if (part && part.count > 0) people.set(userId, part);
    else people.delete(userId);
    this.nodes.set(node, people);
  }

  /** A node's whole part (its heartbeat): people missing from it have no connection there. */
  replaceNode(node: string, parts: Map<UserId, RemotePresence>, report: boolean): void {
    const before = this.nodes.get(node) ?? new Map<UserId, RemotePresence>();
    for (const userId of new Set([...before.keys(), ...parts.keys()]))
      this.setRemote(node, userId, parts.get(userId), report && !sameCount(before, parts, userId));
  }

  /**
   * A node left or went silent: its people are offline unless connected elsewhere. That node
   * reported its people arriving and can no longer report them leaving, so the reporter does,
   * even for someone it saw arrive and leave within one report (which it would otherwise
   * leave out as no news), or the rooms would keep them online.
   */
  dropNode(node: string, report: boolean): void {
    const people = [...(this.nodes.get(node)?.keys() ?? [])];
    this.replaceNode(node, new Map(), report);
    this.nodes.delete(node);
    if (!report) return;
    for (const userId of people) {
      const entry = this.pending.get(userId);
      if (entry) entry.wasOnline = true;
    }
  }

  private remoteAudience(userId: UserId): string[] {
    const rooms = new Set<string>();
    for (const people of this.nodes.values())
      for (const room of people.get(userId)?.audience ?? []) rooms.add(room);
    return [...rooms];
  }

  /**
   * The people whose online state changed since the last call, each with the rooms that hear
   * of it; someone who came and went in between is not news.
   */
  takeNews(): PresenceNews[] {
    const news: PresenceNews[] = [];
    for (const [userId, { wasOnline, audience }] of this.pending) {
      const online = this.isOnline(userId);
      if (online !== wasOnline) news.push({ userId, online, audience });
    }
    this.pending.clear();
    return news;
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
