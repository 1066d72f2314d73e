import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Logger } from '../../logger';
import type { Coordination, LimiterFactory, Turns } from './coordination';
import { RATE_LIMITS_TABLE, SECRETS_TABLE } from './pg-tables';

/** First key of the two-key advisory locks ("ClHb"), so the jobs' locks meet no one else's. */
const JOB_LOCK_SPACE = 0x436c4862;

/** The table's keys are varchar(255); a typed user name can be longer. */
const LONGEST_KEY = 200;

/** Keys too long for the table are counted under their hash, which keeps them apart. */
class PostgresLimiter extends RateLimiterPostgres {
  override getKey(key: string | number): string {
    const full = super.getKey(key) as string;
    if (full.length <= LONGEST_KEY) return full;
    return `${this.keyPrefix}:#${createHash('sha256').update(full).digest('base64url')}`;
  }
}

/** Every node counts on one table (migration 005), so a limit holds for the whole cluster. */
export function postgresLimiters(pool: pg.Pool): LimiterFactory {
  return ({ keyPrefix, points, duration, hotPath }) =>
    new PostgresLimiter({
      keyPrefix,
      points,
      duration,
      ...(hotPath
        ? {
            // Spent: refused from this node's memory for the rest of the window, no query.
            inMemoryBlockOnConsumed: points,
            // The database not answering: counted on this node meanwhile, the write goes on.
            insuranceLimiter: new RateLimiterMemory({ keyPrefix, points, duration }),
          }
        : {}),
      storeClient: pool,
      tableName: RATE_LIMITS_TABLE,
      // Made by migration 004; the library would otherwise race to create it at run time.
      tableCreated: true,
      // Its hourly sweep is a timer per limiter; expired rows are overwritten on reuse instead.
      clearExpiredByTimeout: false,
    });
}

/** Prefix of the turn rows in the limits table: a limiter's keyPrefix never starts with it. */
const TURN = 'turn:';

/**
 * Turns as rows of the limits table, `expire` holding when the turn ends on
 * the caller's clock. One statement takes a turn only when the last one has
 * ended (the row lock serialises two nodes asking at once); the CTE's outer
 * read sees the row as it was before, so a refusal says how long to wait
 * without a second query.
 */
function postgresTurns(pool: pg.Pool): Turns {
  return {
    async take(key, gapMs, nowMs) {
      const { rows } = await pool.query<{ taken: string | null; held: string | null }>(
        `WITH taken AS (
           INSERT INTO ${RATE_LIMITS_TABLE} AS t (key, points, expire) VALUES ($1, 1, $2)
           ON CONFLICT (key) DO UPDATE SET points = 1, expire = EXCLUDED.expire
             WHERE t.expire IS NULL OR t.expire <= $3
           RETURNING expire)
         SELECT (SELECT expire FROM taken) AS taken,
                (SELECT expire FROM ${RATE_LIMITS_TABLE} WHERE key = $1) AS held`,
        [turnKey(key), nowMs + gapMs, nowMs],
      );
      const { taken, held } = rows[0]!;
      if (taken !== null) return { taken: true, until: Number(taken) };
      return { taken: false, waitMs: Math.max(0, Number(held) - nowMs) };
    },
    async giveBack(key, until) {
      await pool.query(`DELETE FROM ${RATE_LIMITS_TABLE} WHERE key = $1 AND expire = $2`, [
        turnKey(key),
        until,
      ]);
    },
  };
}

/** Keys too long for the table's varchar(255) are kept under their hash. */
function turnKey(key: string): string {
  const full = TURN + key;
  if (full.length <= LONGEST_KEY) return full;
  return `${TURN}#${createHash('sha256').update(full).digest('base64url')}`;
}

/**
 * Several hub nodes on one PostgreSQL: limits in the database, secrets made
 * once (INSERT … ON CONFLICT DO NOTHING, then read: every node reads the
 * winner's), and each background job held by one node through a session
 * advisory lock on a connection of its own. That connection is not the
 * pool's (which closes idle connections, dropping their locks); when the
 * node dies its connection closes, PostgreSQL releases the locks, and the
 * next node to ask takes the job over.
 */
export function postgresCoordination(url: string, pool: pg.Pool, logger: Logger): Coordination {
  const held = new Set<string>();
  let lockConnection: Promise<pg.Client> | undefined;
  let asking: Promise<unknown> = Promise.resolve();
  let closed = false;

  const connectForLocks = (): Promise<pg.Client> =>
    (lockConnection ??= (async () => {
      const client = new pg.Client({ connectionString: url });
      const forget = () => {
        // Its locks went with it: ask again on the next round.
        held.clear();
        lockConnection = undefined;
      };
      client.on('error', (error) => {
        logger.warn({ err: error }, 'the connection holding background jobs failed; asking again');
        forget();
      });
      client.on('end', forget);
      try {
        await client.connect();
      } catch (error) {
        forget();
        throw error;
      }
      return client;
    })());

  async function ask(job: string): Promise<boolean> {
    if (closed) return false;
    if (held.has(job)) return true;
    try {
      const client = await connectForLocks();
      const { rows } = await client.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_lock($1::int4, hashtext($2)) AS locked',
        [JOB_LOCK_SPACE, job],
      );
      const locked = rows[0]?.locked === true;
      if (locked) {
        held.add(job);
        logger.info({ job }, 'this node runs the background job');
      }
      return locked;
    } catch (error) {
      logger.warn(
        { err: error, job },
        'could not ask which node runs a background job; skipping a round',
      );
      return false;
    }
  }

  return {
    shared: true,
    limiter: postgresLimiters(pool),
    turns: postgresTurns(pool),

    async secret(name) {
      await pool.query(
        `INSERT INTO ${SECRETS_TABLE} (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
        [name, randomBytes(32)],
      );
      const { rows } = await pool.query<{ value: Buffer }>(
        `SELECT value FROM ${SECRETS_TABLE} WHERE name = $1`,
        [name],
      );
      return rows[0]!.value;
    },

    leads(job) {
      // One query at a time on the job connection: jobs starting together ask in turn.
      const answer = asking.then(() => ask(job));
      asking = answer.catch(() => undefined);
      return answer;
    },

    async pruneLimits() {
      await pool.query(`DELETE FROM ${RATE_LIMITS_TABLE} WHERE expire < $1`, [Date.now()]);
    },

    async close() {
      closed = true;
      await asking;
      const pending = lockConnection;
      held.clear();
      if (pending) await (await pending.catch(() => undefined))?.end().catch(() => undefined);
    },
  };
}
