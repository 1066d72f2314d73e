import { describe, expect, it, vi } from 'vitest';
import { createTokenRefresher, type CrossTabLock } from '../../../src-renderer/api/token-refresher';
import { MemoryTokens, tokenPair } from '../support';

describe('the token refresher', () => {
  it('hands out the current token without refreshing when another caller already replaced the stale one', async () => {
    const tokens = new MemoryTokens(tokenPair(2));
    const refresh = vi.fn();
    const refresher = createTokenRefresher({ tokens, refresh, lock: (work) => work() });
    await expect(refresher.freshAccessToken('access-1')).resolves.toBe('access-2');
    expect(refresh).not.toHaveBeenCalled();
  });

  it('re-reads the saved tokens inside the lock, so a refresh done by another tab is reused', async () => {
    const tokens = new MemoryTokens(tokenPair(1));
    const reload = vi.fn(() => tokens.storeTokens(tokenPair(5)));
    const refresh = vi.fn();
    let locked = 0;
    const lock: CrossTabLock = (work) => {
      locked++;
      return work();
    };
    const refresher = createTokenRefresher({
      tokens: Object.assign(tokens, { reload }),
      refresh,
      lock,
    });
    await expect(refresher.freshAccessToken('access-1')).resolves.toBe('access-5');
    expect(locked).toBe(1);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('signs out when there is no refresh token to use', async () => {
    const tokens = new MemoryTokens({ ...tokenPair(1), refreshToken: '' });
    const refresher = createTokenRefresher({ tokens, refresh: vi.fn(), lock: (work) => work() });
    await expect(refresher.freshAccessToken('access-1')).rejects.toMatchObject({
      code: 'TOKEN_REVOKED',
    });
    expect(tokens.signOuts).toEqual(['expired']);
  });

  it('runs a new refresh after the previous one settled', async () => {
    const tokens = new MemoryTokens(tokenPair(1));
    let n = 1;
    const refresh = vi.fn(async () => tokenPair(++n));
    const refresher = createTokenRefresher({ tokens, refresh, lock: (work) => work() });
    await expect(refresher.freshAccessToken('access-1')).resolves.toBe('access-2');
    await expect(refresher.freshAccessToken('access-2')).resolves.toBe('access-3');
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
