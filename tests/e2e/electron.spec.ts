import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { expect, test } from '../support/e2e-hub';

/**
 * The desktop app end to end, with Playwright's Electron support: the real
 * main process, preload and window. Needs the Electron binary (downloaded by
 * `npm start` or `node node_modules/electron/install.js`) and `npm run
 * build:main`; where either is missing every test is skipped and the reason
 * printed, so the browser suite still runs on machines without Electron.
 */
const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');

function electronBinary(): string | undefined {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const skipReason = !binary
  ? 'no Electron binary on this machine (node_modules/electron/dist is empty: the download is blocked or never ran)'
  : !existsSync(join(root, 'dist-main', 'main.js'))
    ? 'dist-main/main.js is missing: run `npm run build:main` first'
    : undefined;
if (skipReason) console.log(`[electron.spec] skipped: ${skipReason}`);

/** Starts the app with its own user-data folder, so runs never share settings or a lock. */
async function launch(
  args: string[] = [],
  userData?: string,
): Promise<{ app: ElectronApplication; page: Page; userData: string }> {
  const folder = userData ?? (await mkdtemp(join(tmpdir(), 'classhub-desktop-')));
  const app = await electron.launch({
    executablePath: binary!,
    args: [root, `--user-data=${folder}`, ...args],
    env: { ...process.env, CLASSHUB_HUB_URL: '' },
  });
  if (!userData) app.once('close', () => void rm(folder, { recursive: true, force: true }));
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, userData: folder };
}

test.describe('desktop app', () => {
  test.skip(skipReason !== undefined, skipReason);

  test('opens the start screen from the local shell the first time, offline', async () => {
    const { app, page } = await launch();
    try {
      await expect.poll(() => page.url()).toMatch(/^classhub-app:\/\/local\/start/);
      const facts = await page.evaluate(() => ({
        bridge: typeof window.classhub?.hubs.known,
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(facts).toEqual({ bridge: 'function', require: 'undefined', process: 'undefined' });
    } finally {
      await app.close();
    }
  });

  test('shows the hub it is pointed at, locked down', async ({ hub }) => {
    const { app, page } = await launch([`--hub-url=${hub.url}`]);
    try {
      await expect.poll(() => page.url()).toContain(new URL(hub.url).host);
      const secure = await app.evaluate(({ BrowserWindow }) => {
        // Typed loosely by Playwright; Electron ≥ 19 has getLastWebPreferences().
        const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
          getLastWebPreferences(): Record<string, unknown> | null;
        };
        const prefs = contents.getLastWebPreferences();
        return {
          contextIsolation: prefs?.contextIsolation,
          sandbox: prefs?.sandbox,
          nodeIntegration: prefs?.nodeIntegration,
        };
      });
      expect(secure).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false });

      // The bridge refuses what main's schemas refuse.
      const refused = await page.evaluate(() =>
        window.classhub!.openExternal('file:///etc/passwd').then(
          () => 'opened',
          (error: { code?: string }) => error.code,
        ),
      );
      expect(refused).toBe('VALIDATION_FAILED');

      // No pop-ups, and no leaving the app origin. (file: links, so that nothing is
      // handed to this machine's browser: they are simply dropped.)
      await page.evaluate(() => void window.open('file:///etc/hostname'));
      await page.evaluate(() => {
        location.href = 'file:///etc/hostname';
      });
      await page.waitForTimeout(500);
      expect(app.windows()).toHaveLength(1);
      expect(page.url()).toContain(new URL(hub.url).host);

      // Nor does the window show a hub file or API answer itself, even on the hub's origin:
      // previews live in a frame inside the page (security.ts › isAllowedPageNavigation).
      const before = page.url();
      await page.evaluate(() => {
        location.href = '/api/health';
      });
      await page.waitForTimeout(500);
      expect(page.url()).toBe(before);
    } finally {
      await app.close();
    }
  });

  test('opens a join link on the hub, with the token for the join form', async ({ hub }) => {
    const host = new URL(hub.url).host;
    const { app, page } = await launch([`classhub://join/${host}/abc-def-ghj`]);
    try {
      await expect.poll(() => page.url()).toBe(`http://${host}/sessions?join=ABCDEFGHJ`);
    } finally {
      await app.close();
    }
  });

  test('runs once per profile and remembers the window between runs', async () => {
    const first = await launch();
    const userData = first.userData;
    try {
      await first.app.evaluate(({ BrowserWindow }) => {
        BrowserWindow.getAllWindows()[0]!.setBounds({ x: 40, y: 40, width: 900, height: 640 });
      });
      // A second start with the same profile hands over to the first and quits.
      const second = await electron.launch({
        executablePath: binary!,
        args: [root, `--user-data=${userData}`],
      });
      await expect.poll(() => second.process().exitCode, { timeout: 10_000 }).not.toBeNull();
    } finally {
      await first.app.close();
    }
    const again = await launch([], userData);
    try {
      const size = await again.app.evaluate(({ BrowserWindow }) => {
        const { width, height } = BrowserWindow.getAllWindows()[0]!.getBounds();
        return { width, height };
      });
      expect(size).toEqual({ width: 900, height: 640 });
    } finally {
      await again.app.close();
      await rm(userData, { recursive: true, force: true });
    }
  });
});
