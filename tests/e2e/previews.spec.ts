import type { Page, Response } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { shoot } from './shoot';
import { upload } from '../support/files';
import { expectSignedInHome, signInThroughUi } from './helpers';
import { pdf } from '../support/pdf';
import { gradientPng } from './png';

/** Previews (issue 15, point 4): a material PDF and an image open inside the app. */

test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

/** Grace teaches Art; Emma is enrolled. The course has a PDF, an image and an archive. */
async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const emma = await hub.call('signIn', {
    body: { username: 'emma', password: 'Lantern-Orbit-42' },
  });
  const courseId = (
    await hub.call('createCourse', { token: teacher.token, body: { title: 'Art', capacity: 10 } })
  ).body.id as string;
  await hub.call('enrol', {
    token: emma.body.tokens.accessToken as string,
    params: { courseId },
  });
  for (const [bytes, name, type] of [
    [pdf('Week 1: colour theory'), 'Week 1.pdf', 'application/pdf'],
    [gradientPng(640, 360), 'Palette.png', 'image/png'],
    [Buffer.from('PK\x05\x06' + '\0'.repeat(18), 'binary'), 'Sources.zip', 'application/zip'],
  ] as const) {
    const file = await upload(
      `${hub.url}/api/uploads`,
      teacher.token,
      'file',
      bytes,
      name,
      type,
      'POST',
    );
    expect(file.status, name).toBe(201);
    await hub.call('addMaterial', {
      token: teacher.token,
      params: { courseId },
      body: { fileId: file.body.id },
    });
  }
  return { courseId };
}

/** The answer to the preview's own request: the signed link, inline. */
function inlineAnswer(page: Page): Promise<Response> {
  return page.waitForResponse((response) => response.url().includes('inline=1'));
}

test('a student previews a material PDF and an image, and is told when a file has no preview', async ({
  page,
  hub,
}) => {
  test.setTimeout(60_000);
  const { courseId } = await world(hub);
  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  await page.goto(`/courses/${courseId}`);
  await page.getByRole('tab', { name: 'Materials' }).click();
  await expect(page.getByRole('button', { name: 'Preview Week 1.pdf' })).toBeVisible();
  await shoot(page, 'preview-materials-list', { fullPage: false });

  // The PDF: drawn by pdf.js from a range of the signed link, served inline by the hub.
  const pdfAnswer = inlineAnswer(page);
  await page.getByRole('button', { name: 'Preview Week 1.pdf' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('Week 1.pdf', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'PDF preview of Week 1.pdf' })).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'Page 1 of 1' })).toHaveAttribute(
    'data-drawn',
    'true',
  );
  const answer = await pdfAnswer;
  expect(answer.status()).toBe(206); // a range: the whole of this small file
  expect(answer.headers()['content-disposition']).toBe('inline; filename="Week 1.pdf"');
  expect(answer.headers()['content-type']).toBe('application/pdf');
  expect(page.url()).toContain(`/courses/${courseId}`); // the page never navigated to the file
  await shoot(page, 'preview-pdf', { fullPage: false });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // The image: decoded and shown, named for screen readers.
  const imageAnswer = inlineAnswer(page);
  await page.getByRole('button', { name: 'Preview Palette.png' }).click();
  const image = page.getByRole('img', { name: 'Image Palette.png' });
  await expect(image).toBeVisible();
  expect((await imageAnswer).headers()['content-disposition']).toBe('inline; filename=Palette.png');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  await shoot(page, 'preview-image', { fullPage: false });
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();

  // An archive: no preview, said plainly, with the download offered.
  await page.getByRole('button', { name: 'No preview for Sources.zip' }).click();
  const none = page.getByRole('dialog');
  await expect(none.getByText('No preview for this file')).toBeVisible();
  await expect(none.getByRole('button', { name: 'Download' })).toBeVisible();
  await expect(none.locator('iframe')).toHaveCount(0);
  await shoot(page, 'preview-none', { fullPage: false });
});

test('the teacher previews a student’s handed-in PDF from the submissions list', async ({
  page,
  hub,
}) => {
  test.setTimeout(60_000);
  const { courseId } = await world(hub);
  const emma = await hub.call('signIn', {
    body: { username: 'emma', password: 'Lantern-Orbit-42' },
  });
  const token = emma.body.tokens.accessToken as string;
  const grace = await hub.call('signIn', {
    body: { username: 'davis', password: 'Lantern-Orbit-42' },
  });
  const deadlineId = (
    await hub.call('createDeadline', {
      token: grace.body.tokens.accessToken as string,
      params: { courseId },
      body: { title: 'Colour study', dueAt: '2099-11-30T17:00:00Z', maxPoints: 10 },
    })
  ).body.id as string;
  const file = await upload(
    `${hub.url}/api/uploads`,
    token,
    'file',
    pdf('Emma: complementary colours'),
    'Emma essay.pdf',
    'application/pdf',
    'POST',
  );
  const submitted = await hub.call('submit', {
    token,
    params: { deadlineId },
    body: { comment: '', fileIds: [file.body.id] },
  });
  expect(submitted.status).toBe(201);

  await signInThroughUi(page, 'davis');
  await expectSignedInHome(page, 'Grace');
  await page.goto(`/courses/${courseId}`);
  await page.getByRole('tab', { name: 'Deadlines' }).click();
  await page.getByRole('button', { name: 'Submissions' }).click();
  await expect(page.getByRole('button', { name: 'Preview Emma essay.pdf' })).toBeVisible();
  await shoot(page, 'preview-submissions-list', { fullPage: false });
  const answer = inlineAnswer(page);
  await page.getByRole('button', { name: 'Preview Emma essay.pdf' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('region', { name: 'PDF preview of Emma essay.pdf' })).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'Page 1 of 1' })).toHaveAttribute(
    'data-drawn',
    'true',
  );
  expect((await answer).headers()['content-disposition']).toBe('inline; filename="Emma essay.pdf"');
  await shoot(page, 'preview-submission', { fullPage: false });
});
