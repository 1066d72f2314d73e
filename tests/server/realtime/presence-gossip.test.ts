import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserId } from '../../../src-shared/ids';
import type { DeviceId } from '../../../src-shared/schemas/devices';
import { Presence, diffsByRoom } from '../../../src-server/domains/chat/presence';
import { DeviceConnections } from '../../../src-server/domains/devices/device-connections';
import type { DeviceService } from '../../../src-server/domains/devices/device-service';
import { createLogger } from '../../../src-server/logger';
import { gossipPresence, type PresenceGossip } from '../../../src-server/realtime/presence-gossip';
import type { HubSocketServer } from '../../../src-server/realtime/socket-server';

/**
 * Presence gossip between hub nodes, with the adapter replaced by a wire
 * that can go dead: a node killed with SIGKILL never says goodbye, and the
 * others must notice its silence on their own.
 */
const ANN = 'ann' as UserId;
const LAPTOP = 'ann-laptop' as DeviceId;
const ROOM = 'course:optics';
const TIMEOUT_MS = 400;

type Handler = (...args: unknown[]) => void;

/** Nodes joined by serverSideEmit: each emit reaches every other node still on the wire. */
class Wire {
  private readonly nodes: { handlers: Map<string, Handler>; dead: boolean }[] = [];

  join(): { io: HubSocketServer; cut(): void } {
    const node = { handlers: new Map<string, Handler>(), dead: false };
    this.nodes.push(node);
    const io = {
      on: (event: string, handler: Handler) => node.handlers.set(event, handler),
      serverSideEmit: (event: string, ...args: unknown[]) => {
        if (node.dead) return;
        for (const other of this.nodes)
          if (other !== node && !other.dead) other.handlers.get(event)?.(...args);
      },
    };
    return { io: io as unknown as HubSocketServer, cut: () => (node.dead = true) };
  }
}

interface Node {
  presence: Presence;
  devices: { connections: DeviceConnections; nodeGone: ReturnType<typeof vi.fn> };
  gossip: PresenceGossip;
  cut(): void;
}

function startNode(wire: Wire): Node {
  const presence = new Presence();
  const connections = new DeviceConnections();
  const devices = {
    connections,
    nodeGone: vi.fn((node: string) => connections.dropNode(node)),
  };
  const { io, cut } = wire.join();
  const logger = createLogger('silent');
  const gossip = gossipPresence(
    io,
    presence,
    devices as unknown as DeviceService,
    TIMEOUT_MS,
    logger,
  );
  return { presence, devices, gossip, cut };
}

let nodes: Node[] = [];
beforeEach(() => {
  vi.useFakeTimers();
  const wire = new Wire();
  nodes = [startNode(wire), startNode(wire)];
});
afterEach(() => {
  for (const node of nodes) node.gossip.stop();
  vi.useRealTimers();
});

/** Ann opens the app on node B: one connection, from her laptop, heard in the course room. */
function annConnectsTo(node: Node): void {
  node.presence.connected(ANN, [ROOM]);
  node.devices.connections.connected('socket-1', ANN, LAPTOP);
  node.gossip.touched(ANN);
}

describe('presence gossip', () => {
  it('shows a person and her device online on the other node within one gossip round', () => {
    const [a, b] = nodes as [Node, Node];
    annConnectsTo(b);
    vi.advanceTimersByTime(150);
    expect(a.presence.isOnline(ANN)).toBe(true);
    expect(a.devices.connections.isOnline(ANN, LAPTOP)).toBe(true);
  });

  it('takes a silent node’s people and devices offline once it has not been heard for the timeout', () => {
    const [a, b] = nodes as [Node, Node];
    annConnectsTo(b);
    vi.advanceTimersByTime(150);
    a.presence.takeNews(); // her arrival, reported

    b.cut(); // SIGKILL: no goodbye, no more heartbeats
    vi.advanceTimersByTime(TIMEOUT_MS * 3);

    expect(a.presence.isOnline(ANN)).toBe(false);
    expect(a.devices.connections.isOnline(ANN, LAPTOP)).toBe(false);
    expect(diffsByRoom(a.presence.takeNews()).get(ROOM)).toEqual({ online: [], offline: [ANN] });
  });

  it('takes a leaving node’s people and devices offline at once', () => {
    const [a, b] = nodes as [Node, Node];
    annConnectsTo(b);
    vi.advanceTimersByTime(150);
    a.presence.takeNews();

    b.gossip.stop();
    expect(a.presence.isOnline(ANN)).toBe(false);
    expect(a.devices.connections.isOnline(ANN, LAPTOP)).toBe(false);
    expect(diffsByRoom(a.presence.takeNews()).get(ROOM)).toEqual({ online: [], offline: [ANN] });
  });
});
