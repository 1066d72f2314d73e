import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { expectSignedInHome, signInThroughUi } from './helpers';
import { expect, type E2EHub } from '../support/e2e-hub';

/**
 * What the classroom specs share (class-lesson, class-tools-*, device-board):
 * a person signed in in their own browser context, a file the page downloads, and
 * moving inside the app without a reload.
 */

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
