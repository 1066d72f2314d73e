import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthSessionId, UserId } from '../../../../src-shared/ids';
import type {
  AccountTokensRepository,
  AuthSessionsRepository,
} from '../../../../src-server/storage/repositories';

export interface OpenedSignInRepositories {
  readonly authSessions: AuthSessionsRepository;
  readonly accountTokens: AccountTokensRepository;
  close(): Promise<void>;
}

const alice = 'user-alice' as UserId;
const at = (iso: string) => new Date(iso).toISOString();

function aSignIn(id: string, refreshExpiresAt: string) {
  return {
    id: id as AuthSessionId,
    userId: alice,
    accessHash: `access-${id}`,
    accessExpiresAt: at('2026-01-01T00:00:00Z'),
    refreshHash: `refresh-${id}`,
    refreshExpiresAt: at(refreshExpiresAt),
    createdAt: at('2025-12-01T00:00:00Z'),
    refreshedAt: at('2025-12-01T00:00:00Z'),
  };
}

/**
 * What the pruning job relies on, whatever stores the sign-ins: expired
 * records are listed oldest first up to a limit (the exact expiry instant
 * counts as expired), and deleting them by id is durable.
 */
export function describeSignInRepositoriesContract(
  engine: string,
  open: () => Promise<OpenedSignInRepositories>,
) {
  describe(`sign-in repositories (${engine})`, () => {
    let store: OpenedSignInRepositories;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('lists expired sign-ins oldest first, up to the limit, and deletes them', async () => {
      const { authSessions } = store;
      await authSessions.insert(aSignIn('late', '2026-03-01T12:00:00Z'));
      await authSessions.insert(aSignIn('old', '2026-01-10T08:00:00Z'));
      await authSessions.insert(aSignIn('exact', '2026-03-01T10:00:00Z'));
      await authSessions.insert(aSignIn('older', '2025-12-20T08:00:00Z'));
      const cutoff = at('2026-03-01T10:00:00Z');

      expect(await authSessions.listExpired(cutoff, 2)).toEqual(['older', 'old']);
      expect(await authSessions.listExpired(cutoff, 10)).toEqual(['older', 'old', 'exact']);

      expect(await authSessions.deleteMany(['older', 'old', 'exact'] as AuthSessionId[])).toBe(3);
      expect(await authSessions.listExpired(cutoff, 10)).toEqual([]);
      expect((await authSessions.listForUser(alice)).map((s) => s.id)).toEqual(['late']);
    });

    it('lists expired account tokens and deletes them', async () => {
      const { accountTokens } = store;
      for (const [id, expiresAt] of [
        ['gone', '2026-02-01T00:00:00Z'],
        ['live', '2026-04-01T00:00:00Z'],
      ] as const)
        await accountTokens.insert({
          id,
          userId: alice,
          purpose: 'verify-email',
          tokenHash: `hash-${id}`,
          expiresAt: at(expiresAt),
          createdAt: at('2026-01-01T00:00:00Z'),
        });

      expect(await accountTokens.listExpired(at('2026-03-01T00:00:00Z'), 10)).toEqual(['gone']);
      expect(await accountTokens.deleteMany(['gone'])).toBe(1);
      expect(await accountTokens.findByHash('hash-gone')).toBeUndefined();
      expect(await accountTokens.findByHash('hash-live')).toMatchObject({ id: 'live' });
    });
  });
}
