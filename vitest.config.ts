import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Renderer component tests are .tsx and opt into a DOM per file (`// @vitest-environment happy-dom`).
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    exclude: ['tests/e2e/**'],
    pool: 'forks',
    testTimeout: 20000,
    // Set-up hooks start hubs and sign people in, as tests do: the same allowance on a busy machine.
    hookTimeout: 20000,
    // One PostgreSQL server per run, started only when the run needs it (CLASSHUB_TEST_ENGINE=postgres).
    globalSetup: ['tests/support/postgres-global-setup.ts'],
  },
});
