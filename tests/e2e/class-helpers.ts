import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { axeViolations, settle } from './axe';
import { expectSignedInHome, signInThroughUi } from './helpers';
import { expect, type E2EHub } from '../support/e2e-hub';

/**
 * What the classroom specs share (class-lesson, class-tools-*, device-board):
 * a person signed in in their own browser context, screenshots at both sizes
 * and both colour schemes checked with axe, a file the page downloads, and
 * moving inside the app without a reload.
 */

export const SCREENS = 'test-results/screens';

/** Signed in through the UI in a fresh context; `before` runs first (e.g. install a bridge double). */
export async function signedIn(
  browser: Browser,
  hub: E2EHub,
  username: string,
  firstName: string,
  before?: (page: Page) => Promise<void>,
) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  const uncaught: string[] = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await before?.(page);
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  return { page, uncaught };
}

export const SIZES = [
  ['desktop', 1280, 800],
  ['phone', 390, 844],
] as const;
export const SCHEMES = ['light', 'dark'] as const;

/**
 * The page at 1280×800 and 390×844, light and dark, into test-results/screens/
 * to be looked at, each checked with axe (WCAG 2.1 A/AA). `focus` is scrolled
 * into view first (on a phone the class tools sit below the fold).
 */
export async function shoot(page: Page, name: string, focus?: string) {
  for (const [size, width, height] of SIZES)
    for (const scheme of SCHEMES) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      await page.mouse.move(width - 1, height - 1); // no hover colours in the picture or the check
      await settle(page);
      const target = focus ? page.getByTestId(focus) : undefined;
      if (target && (await target.count()) > 0) await target.first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENS}/${name}-${size}-${scheme}.png` });
      expect(await axeViolations(page), `${name} ${size} ${scheme}`).toEqual([]);
    }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The text of the file a click downloads. */
export async function downloaded(page: Page, click: () => Promise<void>) {
  const download = page.waitForEvent('download');
  await click();
  return readFile(await (await download).path(), 'utf8');
}

/**
 * Moves inside the single-page app as a link would (the router follows
 * popstate): the page, its socket and its live state stay. `markPage` and
 * `expectNoReload` prove it.
 */
export async function goInApp(page: Page, path: string) {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, '\\?')}$`));
}

export async function markPage(page: Page) {
  await page.evaluate(() => {
    (window as unknown as { lessonMark: boolean }).lessonMark = true;
  });
}

export async function expectNoReload(page: Page, who: string) {
  expect(
    await page.evaluate(() => (window as unknown as { lessonMark?: boolean }).lessonMark),
    `${who}’s page was reloaded`,
  ).toBe(true);
}

/** A class tool's tab (desktop) — on a phone the same tool is picked in a select. */
export const classTool = (page: Page, name: string) =>
  page.getByTestId('class-tools').getByRole('tab', { name });
