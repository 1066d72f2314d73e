import { afterEach, describe, expect, it } from 'vitest';
import { RecentClientIds } from '../../../../src-server/domains/chat/recent-client-ids';
import type { Storage } from '../../../../src-server/storage/repositories';

describe('RecentClientIds', () => {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  afterEach(() => {
    process.off('unhandledRejection', listener);
    seen.length = 0;
  });

  it('keeps a failed store (a full disk) from becoming an unhandled rejection that stops the hub', async () => {
    process.on('unhandledRejection', listener);
    const ids = new RecentClientIds({} as Storage);
    const failed = Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }));
    const map = new Map<string, Promise<number>>();

    ids.remember(
      map,
      'user:client',
      failed.then(() => 1),
    );
    await failed.catch(() => undefined); // the sender's own await, as ChatService.send does
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));

    expect(seen).toEqual([]);
    await expect(map.get('user:client')).rejects.toThrow('ENOSPC');
  });
});
