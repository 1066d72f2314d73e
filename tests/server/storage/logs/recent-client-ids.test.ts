import { afterEach, describe, expect, it } from 'vitest';
import { RecentClientIds } from '../../../../src-server/storage/logs/recent-client-ids';
import type { ChatRecord } from '../../../../src-server/storage/records';
import type { HistoryEntry } from '../../../../src-server/storage/repositories';
import type { UserId } from '../../../../src-shared/ids';

const message = (seq: number, clientId: string): HistoryEntry<ChatRecord> => ({
  seq,
  at: new Date(0).toISOString(),
  entry: { authorId: 'ann' as UserId, clientId, text: 'hi', files: [] },
});

describe('RecentClientIds', () => {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', listener);
    seen.length = 0;
  });

  it('keeps a failed store (a full disk) from becoming an unhandled rejection that stops the hub', async () => {
    process.on('unhandledRejection', listener);
    const ids = new RecentClientIds({ page: async () => [] });
    const failed = Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
    const map = new Map<string, Promise<number>>();

    ids.remember(
      map,
      'user:client',
      failed.then(() => 1),
    );
    await failed.catch(() => undefined); // the sender's own await, as appendOnce does
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));

    expect(seen).toEqual([]);
    await expect(map.get('user:client')).rejects.toThrow('ENOSPC');
  });

  it('gives callers arriving while a room loads the same, loaded window (one read)', async () => {
    let reads = 0;
    let finish!: (entries: HistoryEntry<ChatRecord>[]) => void;
    const ids = new RecentClientIds({
      page: () => {
        reads++;
        return new Promise((resolve) => (finish = resolve));
      },
    });
    const first = ids.forRoom('session:s1');
    // What the second caller holds the moment it gets its answer (the check a send makes at once).
    const second = ids
      .forRoom('session:s1')
      .then((window) => ({ window, keys: [...window.keys()] }));
    await new Promise((resolve) => setImmediate(resolve));
    finish([message(2, 'b'), message(1, 'a')]);
    const [a, b] = await Promise.all([first, second]);
    expect(b.keys).toEqual(['ann:a', 'ann:b']);
    expect(b.window).toBe(a);
    expect(reads).toBe(1);
    expect(await a.get('ann:a')).toBe(1);
    expect(await a.get('ann:b')).toBe(2);
  });

  it('reads a room again after a failed read instead of keeping an empty window', async () => {
    let reads = 0;
    const ids = new RecentClientIds({
      page: async () => {
        reads++;
        if (reads === 1) throw new Error('EIO');
        return [message(1, 'a')];
      },
    });
    await expect(ids.forRoom('session:s1')).rejects.toThrow('EIO');
    expect(await (await ids.forRoom('session:s1')).get('ann:a')).toBe(1);
  });

  it('forgets a failed store only if nothing newer took its place', () => {
    const ids = new RecentClientIds({ page: async () => [] });
    const map = new Map<string, Promise<number>>();
    const failed = Promise.resolve(1);
    const newer = Promise.resolve(2);
    ids.remember(map, 'ann:a', failed);
    ids.remember(map, 'ann:a', newer);
    ids.forget(map, 'ann:a', failed);
    expect(map.get('ann:a')).toBe(newer);
    ids.forget(map, 'ann:a', newer);
    expect(map.has('ann:a')).toBe(false);
  });
});
