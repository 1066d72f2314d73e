import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { freshMigratedDatabase } from '../../support/postgres-database';
import { startHub } from '../../support/start-hub';

/**
 * A node told to stop the moment it has started (a SIGTERM during a
 * rolling restart) must still stop: the Socket.IO adapter was still taking
 * its LISTEN connection, which it then never gave back, and the hub waited
 * for it forever.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function connectionsTo(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      'SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return Number(rows[0]!.count);
  } finally {
    await client.end();
  }
}

it('stops a node closed as soon as it starts, leaving no connection open', async () => {
  const database = await freshMigratedDatabase();
  cleanups.push(() => database.drop());
  for (let round = 0; round < 3; round++) {
    const node = await startHub({ database: database.url });
    await node.stop();
  }
  expect(await connectionsTo(database.url)).toBe(0);
});
