import type { Page } from '@playwright/test';
import { expect, test as hubTest, type E2EHub } from '../support/e2e-hub';
import { shoot, type ShootOptions } from './shoot';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy';
import { upload } from '../support/files';
import { bookPdf, lockedPdf } from '../support/pdf';
import { expectSignedInHome, signInThroughUi } from './helpers';

/**
 * PDF previews drawn by pdf.js (issue 15, point 4): the browser talks to the
 * hub through a proxy that counts the bytes served per path, so "the first
 * page shows quickly" is checked in bytes, not time.
 */
const MB = 1024 * 1024;

const test = hubTest.extend<{ counter: CountingProxy }>({
  counter: async ({ hub }, use) => {
    const proxy = await startCountingProxy(hub.url);
    await use(proxy);
    await proxy.close();
  },
  baseURL: async ({ counter }, use) => {
    await use(counter.url);
  },
});

/** Grace teaches History; Emma is enrolled. Returns each material's file route. */
async function world(hub: E2EHub, files: readonly (readonly [Buffer, string])[]) {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const emma = await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'History', capacity: 10 },
    })
  ).body.id as string;
  const signedIn = await hub.call('signIn', {
    body: { username: 'emma', password: emma.password },
  });
  await hub.call('enrol', {
    token: signedIn.body.tokens.accessToken as string,
    params: { courseId },
  });
  const paths: string[] = [];
  for (const [bytes, name] of files) {
    const file = await upload(
      `${hub.url}/api/uploads`,
      teacher.token,
      'file',
      bytes,
      name,
      'application/pdf',
      'POST',
    );
    expect(file.status, name).toBe(201);
    const material = await hub.call('addMaterial', {
      token: teacher.token,
      params: { courseId },
      body: { fileId: file.body.id },
    });
    paths.push(`/api/materials/${material.body.id}/file`);
  }
  return { courseId, paths };
}

async function openMaterials(page: Page, courseId: string) {
  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  await page.goto(`/courses/${courseId}`);
  await page.getByRole('tab', { name: 'Materials' }).click();
}

/** How many pixels of a drawn page canvas are not white: text was painted. */
function inkedPixels(page: Page, label: string) {
  return page
    .getByRole('img', { name: label, exact: true })
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 128) inked++;
      return inked;
    });
}

/** Opens a PDF's preview and waits for page 1 drawn; returns the bytes served for that file by then. */
async function firstPage(page: Page, proxy: CountingProxy, name: string, path: string) {
  await page.getByRole('button', { name: `Preview ${name}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('region', { name: `PDF preview of ${name}` })).toBeVisible();
  const pageOne = dialog.getByRole('img', { name: 'Page 1 of 12', exact: true });
  await expect(pageOne).toHaveAttribute('data-drawn', 'true', { timeout: 30_000 });
  const bytes = proxy.served((served) => served === path);
  expect(await inkedPixels(page, 'Page 1 of 12')).toBeGreaterThan(200);
  return bytes;
}

/** The window as seen, once the first page is drawn (a blank canvas is not the screen). */
const PDF_DRAWN: ShootOptions = {
  fullPage: false,
  ready: async (page) => {
    const drawn = page.getByRole('img', { name: 'Page 1 of 12', exact: true });
    if ((await drawn.count()) > 0) await expect(drawn).toHaveAttribute('data-drawn', 'true');
  },
};

test('a 50 MB PDF shows its first page after a few hundred kilobytes, under the hub’s CSP', async ({
  page,
  hub,
  counter: proxy,
}) => {
  test.setTimeout(180_000);
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const plain = bookPdf({ pages: 12, bytes: 50 * MB });
  const fast = bookPdf({ pages: 12, bytes: 50 * MB, linearised: true });
  const { courseId, paths } = await world(hub, [
    [plain, 'Scans.pdf'],
    [fast, 'Scans (fast web view).pdf'],
  ]);
  await openMaterials(page, courseId);

  // Cross-reference table at the end: the end, the page objects and page 1's content.
  const plainBytes = await firstPage(page, proxy, 'Scans.pdf', paths[0]!);
  console.log(`non-linearised ${plain.length} B file: ${plainBytes} B served at first page`);
  expect(plainBytes).toBeLessThan(5 * MB);
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('pdf-position')).toHaveText('Page 1 of 12');
  // Only the pages near the view hold a canvas.
  await expect(dialog.getByRole('img', { name: 'Page 12 of 12', exact: true })).toHaveCount(0);

  // Keyboard: End goes to the last page, which is then drawn (its 4 MB content is read then).
  const region = dialog.getByRole('region', { name: 'PDF preview of Scans.pdf' });
  await region.focus();
  await page.keyboard.press('End');
  await expect(dialog.getByTestId('pdf-position')).toHaveText('Page 12 of 12');
  await expect(dialog.getByRole('img', { name: 'Page 12 of 12', exact: true })).toHaveAttribute(
    'data-drawn',
    'true',
    { timeout: 30_000 },
  );
  await expect(dialog.getByRole('img', { name: 'Page 1 of 12', exact: true })).toHaveCount(0);
  await page.keyboard.press('PageUp');
  await expect(dialog.getByTestId('pdf-position')).toHaveText('Page 11 of 12');
  const served = proxy.served((path) => path === paths[0]);
  console.log(`after visiting pages 12 and 11: ${served} B`);
  expect(served).toBeLessThan(plain.length / 2);

  // Zoom: + and the buttons change the scale; "Fit width" comes back.
  const zoom = dialog.getByTestId('pdf-zoom');
  const fitted = await zoom.textContent();
  await dialog.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoom).not.toHaveText(fitted!);
  await dialog.getByRole('button', { name: 'Fit width' }).click();
  await expect(zoom).toHaveText(fitted!);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Linearised ("fast web view"): the first page is at the start of the file.
  const fastBytes = await firstPage(page, proxy, 'Scans (fast web view).pdf', paths[1]!);
  console.log(`linearised ${fast.length} B file: ${fastBytes} B served at first page`);
  expect(fastBytes).toBeLessThan(5 * MB);
  const ranges = proxy.requests().filter((request) => request.path.startsWith(paths[1]!));
  console.log(`linearised requests: ${JSON.stringify(ranges.map((r) => r.range ?? r.method))}`);
  expect(ranges.some((request) => request.range !== undefined)).toBe(true);
  expect(violations).toEqual([]);
});

test.describe('what a PDF preview looks like', () => {
  test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

  test('pages, toolbar and the fallback for broken and locked files, desktop and phone, light and dark', async ({
    page,
    hub,
  }) => {
    test.setTimeout(120_000);
    const { courseId } = await world(hub, [
      [bookPdf({ pages: 12, bytes: 400_000 }), 'Reading.pdf'],
      [Buffer.from('%PDF-1.7\nthis is not a PDF body at all\n'), 'Broken.pdf'],
      [lockedPdf(), 'Locked.pdf'],
    ]);
    await openMaterials(page, courseId);

    await page.getByRole('button', { name: 'Preview Reading.pdf' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('img', { name: 'Page 1 of 12', exact: true })).toHaveAttribute(
      'data-drawn',
      'true',
    );
    await shoot(page, 'pdf-preview', PDF_DRAWN);
    await dialog.getByRole('button', { name: 'Close' }).click();

    for (const [name, reason] of [
      ['Broken.pdf', 'seems damaged'],
      ['Locked.pdf', 'protected with a password'],
    ] as const) {
      await page.getByRole('button', { name: `Preview ${name}` }).click();
      const failed = page.getByRole('dialog').getByTestId('preview-pdf-failed');
      await expect(failed.getByText('This PDF could not be shown')).toBeVisible();
      await expect(failed.getByText(reason)).toBeVisible();
      const download = page.waitForEvent('download');
      await failed.getByRole('button', { name: `Download ${name}` }).click();
      expect((await download).suggestedFilename()).toBe(name);
      if (name === 'Broken.pdf') await shoot(page, 'pdf-preview-broken', PDF_DRAWN);
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    }
  });
});
