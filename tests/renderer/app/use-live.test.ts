import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveHint } from '../../../src-shared/events';
import { createStore } from '../../../src-renderer/app/createStore';

// A fake socket: hints are delivered by hand, the connection state is a store like the real one.
const hintHandlers = new Set<(hint: LiveHint) => void>();
const status = createStore<{ connection: string }>({ connection: 'connecting' });
vi.mock('../../../src-renderer/app/hub-client', () => ({
  socket: {
    status,
    on: (_event: string, handler: (hint: LiveHint) => void) => {
      hintHandlers.add(handler);
      return () => hintHandlers.delete(handler);
    },
  },
}));
const { followLive } = await import('../../../src-renderer/app/use-live');

const hint = (topic: string, what = 'materials') =>
  hintHandlers.forEach((h) => h({ topic, what } as LiveHint));

describe('followLive', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    status.set({ connection: 'connecting' });
  });
  afterEach(() => vi.useRealTimers());

  it('refetches once for a burst of hints on its topics, and not for other topics', () => {
    const refetch = vi.fn();
    const stop = followLive(['course:c1', undefined], refetch);
    hint('course:c2');
    hint('person:p1');
    vi.runAllTimers();
    expect(refetch).not.toHaveBeenCalled();
    for (let i = 0; i < 30; i++) hint('course:c1', 'submissions');
    vi.runAllTimers();
    expect(refetch).toHaveBeenCalledTimes(1);
    stop();
    hint('course:c1');
    vi.runAllTimers();
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('follows a prefix and a choice of what changed', () => {
    const refetch = vi.fn();
    followLive(['course:*'], refetch, ['feedback']);
    hint('course:c9', 'materials');
    vi.runAllTimers();
    expect(refetch).not.toHaveBeenCalled();
    hint('course:c9', 'feedback');
    vi.runAllTimers();
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('refetches after a reconnect, not on the first connection', () => {
    const refetch = vi.fn();
    followLive(['staff'], refetch);
    status.set({ connection: 'connected' });
    vi.runAllTimers();
    expect(refetch).not.toHaveBeenCalled();
    status.set({ connection: 'reconnecting' });
    status.set({ connection: 'connected' });
    vi.runAllTimers();
    expect(refetch).toHaveBeenCalledTimes(1);
  });
});
