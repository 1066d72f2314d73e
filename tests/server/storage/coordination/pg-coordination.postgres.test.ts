import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DownloadLinks } from '../../../../src-server/domains/accounts/download-links';
import { DomainError } from '../../../../src-server/domain-error';
import { Throttles } from '../../../../src-server/domains/accounts/throttle';
import type { Coordination } from '../../../../src-server/storage/coordination/coordination';
import { postgresCoordination } from '../../../../src-server/storage/coordination/pg-coordination';
import {
  connectPostgres,
  type PgConnection,
} from '../../../../src-server/storage/postgres/connect';
import { migrateToLatest } from '../../../../src-server/storage/postgres/migrate';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import type { TestDatabase } from '../../../support/postgres';
import { silentLogger } from '../helpers';

/**
 * Two hub nodes on one database, as the coordination sees them: each with
 * its own connection pool and its own job connection, sharing only the
 * database. What one node counts, makes or holds, the other must see.
 */
let database: TestDatabase;
const nodes: { connection: PgConnection; coordination: Coordination }[] = [];

function node(): Coordination {
  const connection = connectPostgres(database.url, silentLogger);
  const coordination = postgresCoordination(database.url, connection.pool, silentLogger);
  nodes.push({ connection, coordination });
  return coordination;
}

beforeAll(async () => {
  database = await freshPostgresDatabase();
  const setup = connectPostgres(database.url, silentLogger);
  await migrateToLatest(setup.db, silentLogger);
  await setup.close();
});

afterAll(async () => {
  for (const { connection, coordination } of nodes) {
    await coordination.close();
    await connection.close();
  }
  await database.drop();
});

async function refusal(attempt: Promise<unknown>): Promise<DomainError | undefined> {
  try {
    await attempt;
    return undefined;
  } catch (error) {
    return error as DomainError;
  }
}

describe('two hub nodes on one PostgreSQL', () => {
  it('counts wrong passwords made on one node against the address on the other', async () => {
    const [a, b] = [new Throttles(node().limiter), new Throttles(node().limiter)];
    const guesser = { account: 'user-1', address: '10.0.0.66' };
    // Spread over both nodes, as a load balancer would.
    for (let i = 0; i < 8; i++) await (i % 2 ? a : b).recordSignInFailure(guesser);
    const onB = await refusal(b.assertSignInAllowed(guesser));
    const onA = await refusal(a.assertSignInAllowed(guesser));
    expect(onB?.code).toBe('TOO_MANY_REQUESTS');
    expect(onA?.code).toBe('TOO_MANY_REQUESTS');
    // Another address is not held back on either node.
    expect(await refusal(b.assertSignInAllowed({ ...guesser, address: '10.0.0.5' }))).toBe(
      undefined,
    );
  });

  it('counts a typed name longer than the table key under its hash, apart from other names', async () => {
    const limiter = node().limiter({ keyPrefix: 'long-keys', points: 1, duration: 60 });
    const long = 'x'.repeat(400);
    await limiter.consume(long);
    await expect(limiter.consume(long)).rejects.toMatchObject({ consumedPoints: 2 });
    await expect(limiter.consume(`${long}y`)).resolves.toMatchObject({ consumedPoints: 1 });
  });

  it('makes the download-link key once: both nodes starting at once read the same key', async () => {
    const [a, b] = [node(), node()];
    const [keyA, keyB] = await Promise.all([
      a.secret('download-links-race'),
      b.secret('download-links-race'),
    ]);
    expect(keyA.equals(keyB)).toBe(true);
    expect(keyA).toHaveLength(32);
    const now = () => new Date();
    const path = '/api/posts/p1/files/f1';
    const signedOnA = new DownloadLinks(now, keyA);
    const onB = new DownloadLinks(now, keyB);
    const ticket = new URL(signedOnA.sign(path, 'auth-1').url, 'http://hub').searchParams.get(
      'ticket',
    )!;
    expect(onB.verify(ticket, path)).toBe('auth-1');
    // A node with another key (another cluster) refuses it.
    const stranger = new DownloadLinks(now, await b.secret('another-cluster'));
    expect(() => stranger.verify(ticket, path)).toThrow(/not valid/);
  });

  it('runs a job on one node only, and another takes it over when the holder closes', async () => {
    const [a, b, c] = [node(), node(), node()];
    expect(await a.leads('test-job')).toBe(true);
    expect(await b.leads('test-job')).toBe(false);
    expect(await c.leads('test-job')).toBe(false);
    // The holder keeps it round after round.
    expect(await a.leads('test-job')).toBe(true);
    // Other jobs are free to go elsewhere.
    expect(await b.leads('other-job')).toBe(true);

    await a.close();
    const takers = [await b.leads('test-job'), await c.leads('test-job')];
    expect(takers.filter(Boolean)).toHaveLength(1);
    expect(await a.leads('test-job')).toBe(false);
  });

  it('forgets rate-limit counters whose window has passed', async () => {
    const coordination = node();
    const limiter = coordination.limiter({ keyPrefix: 'short', points: 5, duration: 1 });
    await limiter.consume('someone');
    const { pool } = nodes.at(-1)!.connection;
    const count = async () =>
      Number(
        (
          await pool.query<{ n: string }>(
            "SELECT count(*) AS n FROM classhub_rate_limits WHERE key = 'short:someone'",
          )
        ).rows[0]!.n,
      );
    expect(await count()).toBe(1);
    await pool.query("UPDATE classhub_rate_limits SET expire = $1 WHERE key = 'short:someone'", [
      Date.now() - 1,
    ]);
    await coordination.pruneLimits();
    expect(await count()).toBe(0);
  });
});

describe('turns (slow mode) on two nodes', () => {
  it('gives one turn per gap across nodes, timed by the caller’s clock, and says how long to wait', async () => {
    const [a, b] = [node().turns, node().turns];
    const at = 1_000_000; // a hub clock far from real time: only it counts
    const asked = await Promise.all([
      a.take('room|ann', 30_000, at),
      b.take('room|ann', 30_000, at),
    ]);
    expect(asked.filter((turn) => turn.taken)).toHaveLength(1);
    expect(await b.take('room|ann', 30_000, at + 18_000)).toEqual({ taken: false, waitMs: 12_000 });
    expect(await a.take('room|ben', 30_000, at + 18_000)).toMatchObject({ taken: true });
    expect(await a.take('room|ann', 30_000, at + 30_000)).toEqual({
      taken: true,
      until: at + 60_000,
    });
  });

  it('takes back a turn given back, but not one taken since', async () => {
    const [a, b] = [node().turns, node().turns];
    const first = await a.take('room|cat', 60_000, 5_000);
    if (!first.taken) throw new Error('the first turn was refused');
    await b.giveBack('room|cat', first.until);
    const again = await b.take('room|cat', 60_000, 6_000);
    expect(again).toMatchObject({ taken: true });
    await a.giveBack('room|cat', first.until); // stale: the later turn stays
    expect(await a.take('room|cat', 60_000, 7_000)).toMatchObject({ taken: false });
  });
});

describe('socket write limiters (hotPath) on two nodes', () => {
  it('counts one budget for both nodes, and refuses a spent key without asking again', async () => {
    const options = { keyPrefix: 'hot-writes', points: 4, duration: 60, hotPath: true };
    const [a, b] = [node().limiter(options), node().limiter(options)];
    for (let i = 0; i < 4; i++) await (i % 2 ? a : b).consume('ann');
    await expect(a.consume('ann')).rejects.toMatchObject({ remainingPoints: 0 });
    await expect(b.consume('ann')).rejects.toMatchObject({ remainingPoints: 0 });
    // Node b now refuses from memory: the row is not counted up any more.
    const { pool } = nodes.at(-1)!.connection;
    const points = async () =>
      (
        await pool.query<{ points: number }>(
          "SELECT points FROM classhub_rate_limits WHERE key = 'hot-writes:ann'",
        )
      ).rows[0]!.points;
    const before = await points();
    await expect(b.consume('ann')).rejects.toBeDefined();
    expect(await points()).toBe(before);
    await expect(b.consume('ben')).resolves.toMatchObject({ remainingPoints: 3 });
  });

  it('counts on the node when the database cannot answer, instead of failing the write', async () => {
    const coordination = node();
    const limiter = coordination.limiter({
      keyPrefix: 'hot-insured',
      points: 2,
      duration: 60,
      hotPath: true,
    });
    await nodes.at(-1)!.connection.close();
    await expect(limiter.consume('ann')).resolves.toMatchObject({ remainingPoints: 1 });
    await expect(limiter.consume('ann')).resolves.toMatchObject({ remainingPoints: 0 });
    await expect(limiter.consume('ann')).rejects.toMatchObject({ remainingPoints: 0 });
    nodes.pop(); // closed here already
    await coordination.close();
  });
});
