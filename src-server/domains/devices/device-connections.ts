import type { UserId } from '../../../src-shared/ids';
import type { DeviceId } from '../../../src-shared/schemas/devices';

/**
 * Which devices are online now: the open connections of this hub, counted
 * per (person, device) — a device with two tabs stays online until both
 * close. Memory only: after a restart nobody is connected.
 */
export class DeviceConnections {
  private readonly byConnection = new Map<string, { userId: UserId; deviceId: DeviceId }>();
  private readonly open = new Map<string, number>();
  /** Other hub nodes' online devices, per node and person (realtime/presence-gossip.ts). */
  private readonly nodes = new Map<string, Map<UserId, DeviceId[]>>();

  connected(connectionId: string, userId: UserId, deviceId: DeviceId): void {
    if (this.byConnection.has(connectionId)) return;
    this.byConnection.set(connectionId, { userId, deviceId });
    const key = keyOf(userId, deviceId);
    this.open.set(key, (this.open.get(key) ?? 0) + 1);
  }

  /** The person whose connection closed, if it was counted. */
  disconnected(connectionId: string): UserId | undefined {
    const device = this.byConnection.get(connectionId);
    if (!device) return undefined;
    this.byConnection.delete(connectionId);
    const key = keyOf(device.userId, device.deviceId);
    const left = (this.open.get(key) ?? 1) - 1;
    if (left > 0) this.open.set(key, left);
    else this.open.delete(key);
    return device.userId;
  }

  isOnline(userId: UserId, deviceId: DeviceId): boolean {
    if (this.open.has(keyOf(userId, deviceId))) return true;
    for (const people of this.nodes.values())
      if (people.get(userId)?.includes(deviceId)) return true;
    return false;
  }

  /** This node's online devices of a person, for the other nodes. */
  localDevicesOf(userId: UserId): DeviceId[] {
    const devices = new Set<DeviceId>();
    for (const device of this.byConnection.values())
      if (device.userId === userId) devices.add(device.deviceId);
    return [...devices];
  }

  /** Another node's online devices of a person (none: offline there). */
  setRemote(node: string, userId: UserId, devices: readonly DeviceId[]): void {
    const people = this.nodes.get(node) ?? new Map<UserId, DeviceId[]>();
    if (devices.length > 0) people.set(userId, [...devices]);
    else people.delete(userId);
    this.nodes.set(node, people);
  }

  /** A node went silent: the people whose devices it held. */
  dropNode(node: string): UserId[] {
    const people = [...(this.nodes.get(node)?.keys() ?? [])];
    this.nodes.delete(node);
    return people;
  }
}

const keyOf = (userId: string, deviceId: string) => `${userId}:${deviceId}`;
