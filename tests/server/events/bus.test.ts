import { describe, expect, it, vi } from 'vitest';
import type { UserId } from '../../../src-shared/ids';
import type { Room } from '../../../src-shared/schemas/chat';
import { EventBus } from '../../../src-server/events/bus';
import type { Logger } from '../../../src-server/logger';

/**
 * The hub's domain events: the change is already stored when it is
 * published, so whatever a subscriber does, the publisher goes on and every
 * other subscriber still hears it.
 */
const read = { userId: 'ann' as UserId, room: 'course:optics' as Room, readSeq: 3 };

function busWithLog() {
  const error = vi.fn();
  return { bus: new EventBus({ error } as unknown as Logger), error };
}

describe('the event bus', () => {
  it('runs subscribers after the publisher’s synchronous step, each with the payload', async () => {
    const { bus } = busWithLog();
    const heard: string[] = [];
    bus.on('chat.read', (event) => void heard.push(`first ${event.readSeq}`));
    bus.on('chat.read', (event) => void heard.push(`second ${event.readSeq}`));
    bus.publish('chat.read', read);
    heard.push('publisher goes on');
    await bus.drain();
    expect(heard).toEqual(['publisher goes on', 'first 3', 'second 3']);
  });

  it('logs a subscriber that throws or rejects, and the others still hear the event', async () => {
    const { bus, error } = busWithLog();
    const heard = vi.fn();
    bus.on('chat.read', () => {
      throw new Error('broken subscriber');
    });
    bus.on('chat.read', () => Promise.reject(new Error('broken async subscriber')));
    bus.on('chat.read', heard);
    bus.publish('chat.read', read);
    await bus.drain();
    expect(heard).toHaveBeenCalledWith(read);
    expect(error.mock.calls.map(([context]) => (context as { err: Error }).err.message)).toEqual([
      'broken subscriber',
      'broken async subscriber',
    ]);
  });

  it('drains only once subscribers still working have finished', async () => {
    const { bus } = busWithLog();
    let finish!: () => void;
    let done = false;
    bus.on('chat.read', async () => {
      await new Promise<void>((resolve) => (finish = resolve));
      done = true;
    });
    bus.publish('chat.read', read);
    const drained = bus.drain().then(() => done);
    await new Promise((resolve) => setTimeout(resolve, 10));
    finish();
    expect(await drained).toBe(true);
  });

  it('stops calling a subscriber once it unsubscribes', async () => {
    const { bus } = busWithLog();
    const heard = vi.fn();
    const off = bus.on('chat.read', heard);
    off();
    bus.publish('chat.read', read);
    await bus.drain();
    expect(heard).not.toHaveBeenCalled();
  });
});
