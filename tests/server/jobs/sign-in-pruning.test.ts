import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuthSessionId, UserId } from '../../../src-shared/ids';
import { startSignInPruning } from '../../../src-server/jobs/sign-in-pruning';
import { openStorage } from '../../../src-server/storage/open-storage';
import type { Storage } from '../../../src-server/storage/repositories';
import { captureLogger, makeTempDir, silentLogger, type TempDir } from '../storage/helpers';

const NOW = new Date('2026-12-04T12:00:00.000Z');
const HOUR = 3_600_000;
const user = 'user-1' as UserId;
const at = (offsetHours: number) => new Date(NOW.getTime() + offsetHours * HOUR).toISOString();

let dir: TempDir;
let storage: Storage;
beforeEach(async () => {
  dir = await makeTempDir('classhub-prune-');
  storage = await openStorage(dir.path, silentLogger);
});
afterEach(async () => {
  await storage.close();
  await dir.remove();
});

async function signInExpiring(id: string, offsetHours: number) {
  await storage.authSessions.insert({
    id: id as AuthSessionId,
    userId: user,
    accessHash: `a-${id}`,
    accessExpiresAt: at(offsetHours - 24),
    refreshHash: `r-${id}`,
    refreshExpiresAt: at(offsetHours),
    createdAt: at(-1000),
    refreshedAt: at(-100),
  });
}

async function tokenExpiring(id: string, offsetHours: number) {
  await storage.accountTokens.insert({
    id,
    userId: user,
    purpose: 'reset-password',
    tokenHash: `hash-${id}`,
    expiresAt: at(offsetHours),
    createdAt: at(-48),
  });
}

describe('sign-in pruning', () => {
  it('deletes expired sign-ins and account tokens, in batches, and keeps the live ones', async () => {
    // Long expired, expired earlier today, expiring later today, next month.
    for (const [id, hours] of [
      ['old-1', -24 * 40],
      ['old-2', -24 * 3],
      ['old-3', -24 * 3],
      ['today-past', -1],
      ['today-future', 1],
      ['next-month', 24 * 30],
    ] as const)
      await signInExpiring(id, hours);
    await tokenExpiring('t-old', -2);
    await tokenExpiring('t-live', 2);

    const captured = captureLogger();
    const job = startSignInPruning(storage, captured.logger, { now: () => NOW, batchSize: 2 });
    const pass = await job.runOnce();
    await job.stop();

    expect(pass).toEqual({ signIns: 4, accountTokens: 1 });
    expect(await storage.authSessions.listForUser(user)).toEqual([
      expect.objectContaining({ id: 'today-future' }),
      expect.objectContaining({ id: 'next-month' }),
    ]);
    expect(await storage.accountTokens.findByHash('hash-t-old')).toBeUndefined();
    expect(await storage.accountTokens.findByHash('hash-t-live')).toMatchObject({ id: 't-live' });
    expect(captured.lines).toContainEqual(
      expect.objectContaining({
        signIns: 4,
        accountTokens: 1,
        msg: expect.stringContaining('pruned'),
      }),
    );

    // Deleted for good: a restart does not bring them back.
    await storage.close();
    storage = await openStorage(dir.path, silentLogger);
    expect((await storage.authSessions.listForUser(user)).map((s) => s.id)).toEqual([
      'today-future',
      'next-month',
    ]);
  });

  it('finds expired records through the expiry index, oldest days first, up to the limit', async () => {
    await signInExpiring('s-a', -24 * 5);
    await signInExpiring('s-b', -24 * 9);
    await signInExpiring('s-c', 5);
    expect(await storage.authSessions.listExpired(NOW.toISOString(), 1)).toEqual(['s-b']);
    expect(await storage.authSessions.listExpired(NOW.toISOString(), 10)).toEqual(['s-b', 's-a']);
  });

  it('logs a failed pass and keeps running', async () => {
    await signInExpiring('gone', -5);
    const failing = {
      ...storage,
      authSessions: {
        ...storage.authSessions,
        listExpired: () => Promise.reject(new Error('disk on fire')),
      },
    } as Storage;
    const captured = captureLogger();
    const job = startSignInPruning(failing, captured.logger, { now: () => NOW });
    await expect(job.runOnce()).resolves.toEqual({ signIns: 0, accountTokens: 0 });
    await job.stop();
    expect(captured.warnings()).toContainEqual(
      expect.objectContaining({ msg: expect.stringContaining('will run again') }),
    );
  });
});
