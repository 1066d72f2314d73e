import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** The hub's own tests: storage, services, and real hubs over HTTP and socket.io. */
const HUB_TESTS = ['tests/integration/**/*.test.ts', 'tests/server/**/*.test.ts'];
/** A hub test that mocks a Node module for its whole file: it keeps a module graph of its own. */
const MOCKS_A_NODE_MODULE = ['tests/server/storage/blobs/blob-store.test.ts'];
/**
 * `npm run test:postgres` runs the hub tests again with every hub on PostgreSQL;
 * the `*.postgres.test.ts` files run on PostgreSQL anyway, in `npm run test:unit`.
 */
const ALREADY_ON_POSTGRES =
  process.env.CLASSHUB_TEST_ENGINE === 'postgres' ? ['**/*.postgres.test.ts'] : [];

export default defineConfig({
  test: {
    exclude: ['tests/e2e/**'],
    pool: 'forks',
    // Most files start real hubs and spend their time waiting on sockets, fsync and
    // PostgreSQL, not on a core: one file more than there are cores keeps them busy
    // (Vitest's default is one fewer: a single file at a time on a 2-core laptop).
    maxWorkers: availableParallelism() + 1,
    testTimeout: 20000,
    // Set-up hooks start hubs and sign people in, as tests do: the same allowance on a busy machine.
    hookTimeout: 20000,
    // What follows an answer (a notification written, a broadcast through PostgreSQL) can take
    // seconds on a loaded machine: expect.poll waits up to 10 s for it, not Vitest's 1 s.
    expect: { poll: { timeout: 10_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'hub',
          include: HUB_TESTS,
          exclude: ['tests/e2e/**', ...MOCKS_A_NODE_MODULE, ...ALREADY_ON_POSTGRES],
          // Every hub test file imports the whole hub. Loaded once per worker instead of
          // once per file, the suite takes about half the time. That is safe because each
          // file starts its own hubs and the hub keeps no state in its modules; files
          // that mock modules or stub globals stay in the isolated project below.
          isolate: false,
          globalSetup: [
            // One PostgreSQL server per run, started only when the run needs it (CLASSHUB_TEST_ENGINE=postgres).
            'tests/support/postgres-global-setup.ts',
            // The hub bundled once, for the tests that run it as a process of its own.
            'tests/support/hub-bundle-global-setup.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          // Renderer component tests are .tsx and opt into a DOM per file (`// @vitest-environment happy-dom`).
          name: 'isolated',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: ['tests/e2e/**', ...HUB_TESTS],
        },
      },
      {
        extends: true,
        test: { name: 'hub-mocking', include: MOCKS_A_NODE_MODULE },
      },
    ],
  },
});
