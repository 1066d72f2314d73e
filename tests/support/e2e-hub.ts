import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test as base } from '@playwright/test';
import { createHub, type Hub } from '../../src-server/hub';
import type { VerificationMode } from '../../src-shared/schemas/accounts';
import { call, type CallOptions, type Reply } from './http';
import { LogCapture } from './log-capture';
import { newcomer, type Person } from './people';
import type { RouteName } from '../../src-shared/api';

/** CLASSHUB_E2E_RENDERER_DIR lets parallel work build and test its own renderer copy. */
const RENDERER_DIR =
  process.env.CLASSHUB_E2E_RENDERER_DIR ??
  fileURLToPath(new URL('../../dist-renderer', import.meta.url));

export interface E2EHub extends Hub {
  readonly logs: LogCapture;
  call(name: RouteName, options?: CallOptions): Promise<Reply>;
  /** Registers (and, where the hub lets them in at once, signs in) someone through the API. */
  signUp(overrides?: Parameters<typeof newcomer>[0]): Promise<Person & { password: string }>;
  /** Moves the hub's clock forward (a late check-in, a passed due time) without waiting. */
  later(minutes: number): void;
}

/**
 * Playwright fixtures: every test gets a fresh hub on a free port with a temp
 * data folder, serving the built renderer, so tests never share accounts and
 * "the first account becomes admin" holds in each. `test.use({ verification })`
 * picks the hub's verification mode.
 */
export const test = base.extend<{ verification: VerificationMode; hub: E2EHub }>({
  verification: ['none', { option: true }],
  hub: async ({ verification }, use) => {
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new Error(
        'dist-renderer/ is missing: run `npm run build:renderer` (or `npm run test:e2e`).',
      );
    }
    const dataDir = await mkdtemp(join(tmpdir(), 'classhub-e2e-'));
    const logs = new LogCapture();
    let shiftMs = 0;
    const hub = await createHub({
      now: () => new Date(Date.now() + shiftMs),
      port: 0,
      host: '127.0.0.1',
      dataDir,
      bcryptRounds: 4,
      rendererDir: RENDERER_DIR,
      verification,
      logLevel: 'info',
      logDestination: logs,
    });
    const callHub = (name: RouteName, options?: CallOptions) => call(hub.url, name, options);
    await use({
      ...hub,
      logs,
      call: callHub,
      later(minutes) {
        shiftMs += minutes * 60_000;
      },
      async signUp(overrides = {}) {
        const input = newcomer(overrides);
        const registered = await callHub('register', { body: input });
        if (registered.status !== 201) {
          throw new Error(
            `register failed: ${registered.status} ${JSON.stringify(registered.body)}`,
          );
        }
        const tokens = registered.body.tokens ?? {};
        return {
          id: registered.body.account.id,
          username: input.username,
          email: input.email,
          password: input.password,
          token: tokens.accessToken ?? '',
          refreshToken: tokens.refreshToken ?? '',
        };
      },
    });
    await hub.close();
    await rm(dataDir, { recursive: true, force: true });
  },
  baseURL: async ({ hub }, use) => {
    await use(hub.url);
  },
  // A test whose page threw an uncaught error fails, even if every assertion held.
  page: async ({ page }, use) => {
    const uncaught: string[] = [];
    page.on('pageerror', (error) => uncaught.push(error.message));
    await use(page);
    expect(uncaught, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
