import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import {
  connectPostgres,
  type PgConnection,
} from '../../../../src-server/storage/postgres/connect';
import { migrateToLatest } from '../../../../src-server/storage/postgres/migrate';
import type { TestDatabase } from '../../../support/postgres';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import { silentLogger } from '../helpers';

/**
 * One migrated database for a contract test file (tests/support/postgres.ts
 * gives the run's server). `empty()` truncates the named tables, so each test
 * starts from an empty store without paying for a new database.
 */
export function usePostgresDatabase(): {
  connection: () => PgConnection;
  empty: (tables: readonly string[]) => Promise<void>;
} {
  let database: TestDatabase;
  let connection: PgConnection;
  beforeAll(async () => {
    database = await freshPostgresDatabase();
    connection = connectPostgres(database.url, silentLogger);
    await migrateToLatest(connection.db, silentLogger);
  });
  afterAll(async () => {
    await connection?.close();
    await database?.drop();
  });
  return {
    connection: () => connection,
    async empty(tables) {
      await sql`truncate ${sql.join(tables.map((table) => sql.table(table)))}`.execute(
        connection.db,
      );
    },
  };
}
