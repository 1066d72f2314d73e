import { inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from './postgres';

/**
 * A fresh database on the run's PostgreSQL server (postgres-global-setup.ts).
 * Throws, naming the fix, when the run started without one.
 */
export async function freshPostgresDatabase(): Promise<TestDatabase> {
  const serverUrl = inject('postgresUrl');
  if (!serverUrl)
    throw new Error(
      'this test needs PostgreSQL, but the run started none: name a *.postgres.test.ts file, ' +
        'set CLASSHUB_TEST_ENGINE=postgres, or give a server in CLASSHUB_TEST_DATABASE_URL',
    );
  return createTestDatabase(serverUrl);
}
