import type { Browser, Locator, Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { upload } from '../support/files';
import { expectSignedInHome, signInThroughUi } from './helpers';
import { pdf } from '../support/pdf';

/**
 * Issue 15's "Done when": the whole teaching loop through the UI, a teacher
 * and a student each in their own browser, neither reloading. Every step on
 * one side is seen on the other through the hub's live hints alone.
 */

/** Grace teaches Optics, which already has a lens sheet; Emma is enrolled. */
async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', role: 'teacher' }); // the first account is the admin
  const teacher = await hub.signUp({
    username: 'davis',
    firstName: 'Grace',
    lastName: 'Davis',
    role: 'teacher',
  });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', lastName: 'Stone' });
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Optics', description: 'Light and lenses.', capacity: 10 },
    })
  ).body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const sheet = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    pdf('Lens sheet: draw the rays'),
    'lens-sheet.pdf',
    'application/pdf',
    'POST',
  );
  expect(sheet.status).toBe(201);
  await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId },
    body: { fileId: sheet.body.id, title: 'Lens sheet' },
  });
  return { courseId };
}

async function signedIn(browser: Browser, hub: E2EHub, username: string, firstName: string) {
  const context = await browser.newContext({ baseURL: hub.url });
  const page = await context.newPage();
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  return page;
}

/** Opens a course tab by clicking it, as a person does (no navigation, no reload). */
async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** The preview dialog draws the PDF's first page (pdf.js, by ranges of the inline link); then it is closed. */
async function previewPdf(page: Page, button: Locator, fileName: string) {
  const answer = page.waitForResponse((r) => r.url().includes('inline=1'));
  await button.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('region', { name: `PDF preview of ${fileName}` })).toBeVisible();
  await expect(dialog.getByRole('img', { name: /^Page 1 of / })).toHaveAttribute(
    'data-drawn',
    'true',
  );
  const served = await answer;
  expect(served.status(), 'the preview link answers').toBeLessThan(300);
  expect(served.headers()['content-type']).toBe('application/pdf');
  expect(served.headers()['content-disposition']).toContain('inline');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

test('the teaching loop: assignment, preview, hand-in, grade, comment, announcement, calendar', async ({
  browser,
  hub,
}) => {
  test.setTimeout(180_000);
  const { courseId } = await world(hub);
  const grace = await signedIn(browser, hub, 'davis', 'Grace');
  const emma = await signedIn(browser, hub, 'emma', 'Emma');
  const course = `/courses/${courseId}`;
  await grace.goto(`${course}?tab=deadlines`);
  await emma.goto(`${course}?tab=deadlines`);
  for (const page of [grace, emma])
    // Live hints only reach a connected socket: wait for it, as a person sees the green dot.
    await expect(page.getByTestId('connection-indicator')).toHaveAttribute(
      'data-state',
      'connected',
    );
  await expect(emma.getByText('No deadlines', { exact: true })).toBeVisible();

  // 1. The teacher sets an assignment with the course's lens sheet attached.
  await grace.getByRole('button', { name: 'New deadline' }).click();
  const form = grace.getByRole('dialog');
  await form.getByRole('textbox', { name: /^Title/ }).fill('Lens drawing');
  await form.getByRole('textbox', { name: /^Points/ }).fill('20');
  const dueValue = await form.getByLabel(/^Due/).inputValue(); // the default: in a week
  await form.getByRole('combobox', { name: 'Attach course materials' }).click();
  await grace.getByRole('option', { name: 'Lens sheet' }).click();
  await form.getByRole('combobox', { name: 'Attach course materials' }).press('Escape');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  // The teacher keeps the assignment's work list open: the hand-in must arrive on it.
  const graceCard = grace.getByRole('article', { name: 'Lens drawing' });
  await graceCard.getByRole('button', { name: 'Submissions' }).click();
  const emmaWork = graceCard.getByRole('region', { name: 'Emma Stone' });
  await expect(emmaWork.locator('[data-status]')).toHaveText('Assigned');

  // 2. The student sees it arrive, reads the sheet in the app and hands in a PDF.
  const assignment = emma.getByRole('article', { name: 'Lens drawing' });
  await expect(assignment).toBeVisible();
  await expect(assignment.locator('[data-status]')).toHaveText('Assigned');
  await previewPdf(
    emma,
    assignment.getByRole('button', { name: 'Preview lens-sheet.pdf' }),
    'lens-sheet.pdf',
  );
  expect(emma.url(), 'the preview never left the course page').toContain(course);
  await assignment.getByRole('button', { name: 'Your work' }).click();
  await assignment.locator('input[type="file"]').setInputFiles({
    name: 'rays.pdf',
    mimeType: 'application/pdf',
    buffer: pdf('Emma: three rays through a convex lens'),
  });
  await assignment.getByRole('button', { name: 'Submit' }).click();
  await expect(assignment.locator('[data-status]').first()).toHaveText('Handed in');
  await expect(assignment.getByRole('button', { name: 'Preview rays.pdf' })).toBeVisible();

  // 3. The teacher sees the work arrive, previews it, grades it in the gradebook
  //    from the keyboard and writes a private comment.
  await expect(emmaWork.locator('[data-status]')).toHaveText('Handed in');
  await previewPdf(grace, emmaWork.getByRole('button', { name: 'Preview rays.pdf' }), 'rays.pdf');

  await openTab(grace, 'Gradebook');
  const cell = grace.getByRole('gridcell', { name: /^Emma Stone, Lens drawing:/ });
  await expect(cell).toContainText('Handed in');
  await cell.click();
  await grace.keyboard.type('17');
  await grace.keyboard.press('Enter');
  await expect(cell).toHaveAccessibleName(/^Emma Stone, Lens drawing: 17 \/ 20/);
  await expect(grace.getByRole('row', { name: /Emma Stone/ })).toContainText('85%');

  await openTab(grace, 'Deadlines');
  await grace
    .getByRole('article', { name: 'Lens drawing' })
    .getByRole('button', { name: 'Submissions' })
    .click();
  const thread = grace.getByRole('region', { name: 'Emma Stone' });
  await expect(thread.getByText('Graded: 17 / 20')).toBeVisible();
  await thread.getByRole('button', { name: /Private comments/ }).click();
  await thread.getByRole('textbox', { name: 'Private comment' }).fill('Label the focal point.');
  await thread.getByRole('button', { name: 'Send' }).click();
  await expect(
    thread.getByRole('listitem').filter({ hasText: 'Label the focal point.' }),
  ).toBeVisible();

  // 4. The student, still on the same screen, sees the grade and the comment arrive.
  await expect(assignment.getByText('Your grade: 17 / 20')).toBeVisible();
  await expect(assignment.locator('[data-status]').first()).toHaveText('Graded');
  await expect(
    assignment.getByRole('listitem').filter({ hasText: 'Label the focal point.' }),
  ).toBeVisible();

  // 5. The teacher posts an announcement; the student's stream shows it.
  await openTab(grace, 'Stream');
  await grace
    .getByRole('textbox', { name: 'Announcement text' })
    .fill('Bring a ruler on *Friday*.');
  await grace.getByRole('button', { name: 'Post' }).click();
  await expect(grace.getByRole('listitem').filter({ hasText: 'Bring a ruler' })).toBeVisible();
  await openTab(emma, 'Stream');
  await expect(
    emma.getByRole('listitem').filter({ hasText: 'Bring a ruler' }).locator('em'),
  ).toHaveText('Friday');

  // 6. Both find the deadline in their calendar and follow it back to the assignment.
  const dueMonth = new Date(dueValue).getMonth();
  for (const page of [grace, emma]) {
    await page.getByRole('link', { name: 'Calendar' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
    if (dueMonth !== new Date().getMonth())
      await page.getByRole('button', { name: 'Next month' }).click();
    const entry = page.getByRole('link', { name: /^Deadline Lens drawing/ });
    await expect(entry).toBeVisible();
    await entry.click();
    await expect(page).toHaveURL(new RegExp(`/courses/${courseId}\\?deadline=`));
    await expect(page.getByRole('article', { name: 'Lens drawing' })).toBeVisible();
  }
});
