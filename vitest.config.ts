import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Renderer component tests are .tsx and opt into a DOM per file (`// @vitest-environment happy-dom`).
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**'],
    pool: 'forks',
    // Most files start real hubs and spend their time waiting on sockets, fsync and
    // PostgreSQL, not on a core: one file more than there are cores keeps them busy
    // (Vitest's default is one fewer: a single file at a time on a 2-core laptop).
    maxWorkers: availableParallelism() + 1,
    testTimeout: 20000,
    // Set-up hooks start hubs and sign people in, as tests do: the same allowance on a busy machine.
    hookTimeout: 20000,
    globalSetup: [
      // One PostgreSQL server per run, started only when the run needs it (CLASSHUB_TEST_ENGINE=postgres).
      'tests/support/postgres-global-setup.ts',
      // The hub bundled once, for the tests that run it as a process of its own.
      'tests/support/hub-bundle-global-setup.ts',
    ],
  },
});
