import { expect, test, type Page } from '@playwright/test';
import { axeViolations, settle } from './axe';

/**
 * Screenshots to look at, each checked with axe (WCAG 2.1 A/AA): the one
 * way the browser specs picture a screen. Several sizes and both colour
 * schemes are shot from the page as it stands, so a screen is set up once
 * rather than once per size and scheme (which cost a hub and a sign-in each).
 */
export const SHOTS = 'test-results/screens';

export interface ScreenSize {
  readonly name: string;
  readonly width: number;
  readonly height: number;
}

export const DESKTOP: ScreenSize = { name: 'desktop', width: 1280, height: 800 };
/** A common phone. */
export const PHONE: ScreenSize = { name: 'phone', width: 390, height: 844 };
/** The narrowest phone still sold widely: what fits here fits everywhere. */
export const SMALL_PHONE: ScreenSize = { name: 'phone360', width: 360, height: 740 };

type Scheme = 'light' | 'dark';

export interface ShootOptions {
  /** In this order (default desktop, then phone); the page is left at the first. */
  readonly sizes?: readonly ScreenSize[];
  readonly schemes?: readonly Scheme[];
  /** The whole scrolling page (default), or the window as a person sees it. */
  readonly fullPage?: boolean;
  /** The test id of what must be in the window (on a phone it may sit below the fold). */
  readonly focus?: string;
  /** Waited for before each shot, after the page settled (a PDF page drawn, say). */
  readonly ready?: (page: Page) => Promise<void>;
  /** False where the page keeps its content security policy (axe is an inline script). */
  readonly axe?: boolean;
}

/** Time for one settled shot and its axe check on a busy 2-core machine. */
const PER_SHOT_MS = 8_000;

/** `${SHOTS}/${name}-${size}-${scheme}.png` for each size and scheme. */
export async function shoot(page: Page, name: string, options: ShootOptions = {}) {
  const { sizes = [DESKTOP, PHONE], schemes = ['light', 'dark'] } = options;
  // The test's own allowance is for what it does; the pictures come on top.
  test.info().setTimeout(test.info().timeout + PER_SHOT_MS * sizes.length * schemes.length);
  let first = true;
  for (const size of sizes) {
    for (const scheme of schemes) {
      await shootOne(page, `${name}-${size.name}-${scheme}`, size, scheme, options, first);
      first = false;
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: sizes[0]!.width, height: sizes[0]!.height });
}

async function shootOne(
  page: Page,
  file: string,
  size: ScreenSize,
  scheme: Scheme,
  options: ShootOptions,
  first: boolean,
) {
  await page.setViewportSize({ width: size.width, height: size.height });
  await page.emulateMedia({ colorScheme: scheme });
  // Away from every control: a hovered button is not how the screen looks at rest.
  await page.mouse.move(size.width - 1, size.height - 1);
  // A full-page shot of a scrolled page draws the sticky header mid-page.
  if (options.fullPage !== false) await page.evaluate(() => window.scrollTo(0, 0));
  // The screen was set up and settled once (requests done, fonts in, transitions over);
  // another size or scheme of it only needs to be laid out and painted again.
  if (first) await settle(page);
  else await repainted(page);
  if (options.focus) {
    const target = page.getByTestId(options.focus);
    if ((await target.count()) > 0) await target.first().scrollIntoViewIfNeeded();
  }
  await options.ready?.(page);
  await page.screenshot({
    path: `${SHOTS}/${file}.png`,
    fullPage: options.fullPage !== false,
    animations: 'disabled',
  });
  if (options.axe !== false) expect(await axeViolations(page), file).toEqual([]);
}

/** The page laid out and painted after a size or colour-scheme change. */
async function repainted(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
