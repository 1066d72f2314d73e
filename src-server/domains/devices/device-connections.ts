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
    return this.open.has(keyOf(userId, deviceId));
  }
}

const keyOf = (userId: string, deviceId: string) => `${userId}:${deviceId}`;
