import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import { BoardChanges } from '../../../../src-server/domains/devices/board-changes';
import { DeviceConnections } from '../../../../src-server/domains/devices/device-connections';
import type { DeviceId } from '../../../../src-shared/schemas/devices';

const person = (n: number) => `user-${n}` as UserId;

describe('board changes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('hand a class connecting together over in one batch, each person once', async () => {
    const batches: UserId[][] = [];
    const changes = new BoardChanges(async (people) => void batches.push(people), vi.fn(), 1000);
    for (let i = 0; i < 500; i++) changes.mark(person(i % 250));
    await vi.advanceTimersByTimeAsync(999);
    expect(batches).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(250);
    changes.mark(person(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(batches).toEqual([batches[0], [person(1)]]);
  });

  it('report a failed announcement instead of throwing, and forget everything when stopped', async () => {
    const onError = vi.fn();
    const flush = vi.fn(async () => {
      throw new Error('storage down');
    });
    const changes = new BoardChanges(flush, onError, 1000);
    changes.mark(person(1));
    await vi.advanceTimersByTimeAsync(1000);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'storage down' }));
    changes.mark(person(2));
    changes.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(flush).toHaveBeenCalledTimes(1);
  });
});

describe('device connections', () => {
  it('keep a device online until its last connection closes', () => {
    const connections = new DeviceConnections();
    const laptop = 'laptop-0001' as DeviceId;
    connections.connected('socket-a', person(1), laptop);
    connections.connected('socket-b', person(1), laptop);
    expect(connections.disconnected('socket-a')).toBe(person(1));
    expect(connections.isOnline(person(1), laptop)).toBe(true);
    connections.disconnected('socket-b');
    expect(connections.isOnline(person(1), laptop)).toBe(false);
    expect(connections.disconnected('socket-b')).toBeUndefined();
    expect(connections.isOnline(person(2), laptop)).toBe(false);
  });
});
