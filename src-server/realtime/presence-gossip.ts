import { randomUUID } from 'node:crypto';
import type { UserId } from '../../src-shared/ids';
import type { DeviceId } from '../../src-shared/schemas/devices';
import type { Presence, RemotePresence } from '../domains/chat/presence';
import type { DeviceService } from '../domains/devices/device-service';
import type { Logger } from '../logger';
import type { HubSocketServer } from './socket-server';

/** Changed people are sent to the other nodes this often: well inside one 500 ms presence report. */
const GOSSIP_EVERY_MS = 100;

export type PresenceParts = [UserId, RemotePresence | null][];

export interface PresenceGossip {
  /** A person's connections on this node changed. */
  touched(userId: UserId): void;
  stop(): void;
}

/**
 * Presence across hub nodes: each node tells the others, over the adapter's
 * `serverSideEmit`, how many connections each person has on it (changes
 * within 100 ms, everything on every heartbeat). A person is online while
 * connected on any node; a node not heard for `nodeTimeoutMs` is dropped
 * and its people go offline unless connected elsewhere. The node with the
 * lowest id among the live ones also reports what other nodes changed.
 * The same parts carry each person's online devices, so the device board
 * answered by any node shows devices connected to any node.
 */
export function gossipPresence(
  io: HubSocketServer,
  presence: Presence,
  devices: DeviceService,
  nodeTimeoutMs: number,
  logger: Logger,
): PresenceGossip {
  const self = randomUUID();
  const lastSeen = new Map<string, number>();
  const dirty = new Set<UserId>();
  const reporter = () => [...lastSeen.keys()].every((node) => self < node);
  const heard = (node: string) => {
    if (node === self) return false;
    lastSeen.set(node, Date.now());
    return true;
  };
  const parts = (people: Iterable<UserId>): PresenceParts =>
    [...people].map((id) => {
      const part = presence.local(id);
      return [id, part ? { ...part, devices: devices.connections.localDevicesOf(id) } : null];
    });
  const setDevices = (node: string, userId: UserId, part: RemotePresence | null) =>
    devices.connections.setRemote(node, userId, (part?.devices ?? []) as DeviceId[]);
  const drop = (node: string) => {
    const report = reporter();
    presence.dropNode(node, report);
    devices.nodeGone(node, report);
  };

  io.on('presence:parts', (node, changed) => {
    if (!heard(node)) return;
    for (const [userId, part] of changed) {
      presence.setRemote(node, userId, part ?? undefined, reporter());
      setDevices(node, userId, part);
    }
  });
  io.on('presence:node', (node, all) => {
    if (!heard(node)) return;
    const map = new Map(all.map(([id, part]) => [id, part ?? { count: 0, audience: [] }]));
    presence.replaceNode(node, map, reporter());
    devices.nodeGone(node, false);
    for (const [userId, part] of all) setDevices(node, userId, part);
  });
  io.on('presence:gone', (node) => {
    if (node === self || !lastSeen.delete(node)) return;
    drop(node);
  });

  const send = (work: () => void) => {
    try {
      work();
    } catch (error) {
      logger.warn({ err: error }, 'could not tell the other hub nodes about presence');
    }
  };
  const flush = setInterval(() => {
    if (dirty.size === 0) return;
    const changed = parts(dirty);
    dirty.clear();
    send(() => io.serverSideEmit('presence:parts', self, changed));
  }, GOSSIP_EVERY_MS);
  const heartbeat = setInterval(
    () => {
      send(() => io.serverSideEmit('presence:node', self, parts(presence.localPeople())));
      const deadline = Date.now() - nodeTimeoutMs;
      for (const [node, seen] of lastSeen) {
        if (seen >= deadline) continue;
        lastSeen.delete(node);
        logger.warn(
          { node },
          'a hub node went silent: its people are offline unless connected elsewhere',
        );
        drop(node);
      }
    },
    Math.max(50, Math.floor(nodeTimeoutMs / 4)),
  );
  flush.unref();
  heartbeat.unref();
  return {
    touched: (userId) => dirty.add(userId),
    stop: () => {
      clearInterval(flush);
      clearInterval(heartbeat);
      // Leaving cleanly: the others need not wait for the timeout.
      send(() => io.serverSideEmit('presence:gone', self));
    },
  };
}
