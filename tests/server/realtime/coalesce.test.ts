import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../../../src-server/realtime/coalesce';

describe('the counts coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the first change at once and folds the rest of the interval into one send at its end', () => {
    const sent: string[] = [];
    const counts = new Coalescer(100, (key) => sent.push(key));
    counts.touch('poll-1');
    expect(sent).toEqual(['poll-1']);
    for (let i = 0; i < 499; i++) counts.touch('poll-1');
    counts.touch('poll-2');
    expect(sent).toEqual(['poll-1', 'poll-2']);
    vi.advanceTimersByTime(100);
    expect(sent).toEqual(['poll-1', 'poll-2', 'poll-1']);
    // Quiet since: nothing more is sent.
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(3);
    counts.touch('poll-1');
    expect(sent).toHaveLength(4);
    counts.stop();
  });
});
