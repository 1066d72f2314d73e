import { defineConfig, devices } from '@playwright/test';

// The tests' hubs check every response against the contract (src-server/http/response-checks.ts).
process.env.NODE_ENV ??= 'test';

/**
 * Browser tests: each test gets its own real hub (tests/support/e2e-hub.ts)
 * serving the built renderer, in Debian's Chromium. `npm run test:e2e`
 * builds the renderer first; Playwright never downloads a browser here.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/artifacts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['line'], ['json']] : [['list']],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-gpu',
      ],
    },
  },
});
