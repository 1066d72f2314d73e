import type { Logger } from '../logger';
import type { Storage } from '../storage/repositories';

const HOUR = 3_600_000;

export interface SignInPruningOptions {
  /** How often to run; the first pass runs at start. */
  readonly everyMs?: number;
  /** Records deleted per commit: a large backlog never becomes one huge write. */
  readonly batchSize?: number;
  readonly now: () => Date;
}

export interface PruningPass {
  readonly signIns: number;
  readonly accountTokens: number;
}

/**
 * Deletes sign-ins whose refresh token has expired and email/reset tokens
 * past their expiry. Without it a sign-in was deleted only when its expired
 * token came back, so auth-sessions grew with every device that ever signed
 * in. Expired records are found through an expiry index (never a scan) and
 * deleted in batches, yielding between them so requests keep flowing. Used
 * tokens are deleted when they are redeemed (account-links.ts).
 */
export function startSignInPruning(
  storage: Pick<Storage, 'authSessions' | 'accountTokens' | 'coordination'>,
  logger: Logger,
  options: SignInPruningOptions,
) {
  const { everyMs = HOUR, batchSize = 500, now } = options;
  let running: Promise<PruningPass> | undefined;

  async function pass(): Promise<PruningPass> {
    if (!(await storage.coordination.leads('sign-in-pruning')))
      return { signIns: 0, accountTokens: 0 };
    const cutoff = now().toISOString();
    // Counters of past rate-limit windows go with the sign-ins they slowed.
    await storage.coordination.pruneLimits();
    const signIns = await inBatches(
      () => storage.authSessions.listExpired(cutoff, batchSize),
      (ids) => storage.authSessions.deleteMany(ids),
    );
    const accountTokens = await inBatches(
      () => storage.accountTokens.listExpired(cutoff, batchSize),
      (ids) => storage.accountTokens.deleteMany(ids),
    );
    if (signIns + accountTokens > 0)
      logger.info({ signIns, accountTokens }, 'pruned expired sign-ins and account tokens');
    return { signIns, accountTokens };
  }

  const runOnce = (): Promise<PruningPass> =>
    (running ??= pass()
      .catch((error: unknown) => {
        logger.error({ err: error }, 'pruning expired sign-ins failed; it will run again');
        return { signIns: 0, accountTokens: 0 };
      })
      .finally(() => {
        running = undefined;
      }));

  void runOnce();
  const timer = setInterval(() => void runOnce(), everyMs);
  timer.unref();
  return {
    /** One pass now (tests, or after a clock jump); joins a pass already running. */
    runOnce,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

async function inBatches<Id>(
  list: () => Promise<Id[]>,
  remove: (ids: Id[]) => Promise<number>,
): Promise<number> {
  let total = 0;
  for (;;) {
    const ids = await list();
    if (ids.length === 0) return total;
    const removed = await remove(ids);
    if (removed === 0) return total; // listed but already gone: nothing left to do
    total += removed;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
