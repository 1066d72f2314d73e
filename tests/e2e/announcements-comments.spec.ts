import type { Browser, Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { shoot } from './shoot';
import { upload } from '../support/files';
import { expectSignedInHome, signInThroughUi } from './helpers';

/** Announcements and private comments on a hand-in (issue 15, points 5 and 3). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

async function signedIn(browser: Browser, hub: E2EHub, username: string, firstName: string) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  // Live news only reaches a connected socket: wait for it, as a person would see the green dot.
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  return page;
}

/** Grace teaches Algorithms; Emma is enrolled and has handed in a PDF for "Sorting exercise". */
async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Algorithms', description: 'Sorting and graphs.', capacity: 10 },
    })
  ).body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const deadlineId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: {
        title: 'Sorting exercise',
        dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      },
    })
  ).body.id as string;
  const work = await upload(
    `${hub.url}/api/uploads`,
    student.token,
    'file',
    PDF,
    'answer.pdf',
    'application/pdf',
    'POST',
  );
  await hub.call('submit', {
    token: student.token,
    params: { deadlineId },
    body: { fileIds: [work.body.id], comment: 'My sorting answer.' },
  });
  return { courseId };
}

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });

test('the teacher posts an announcement; the student sees it live and is notified', async ({
  browser,
  hub,
}) => {
  test.setTimeout(120_000);
  const { courseId } = await world(hub);
  const grace = await signedIn(browser, hub, 'davis', 'Grace');
  const emma = await signedIn(browser, hub, 'emma', 'Emma');
  await emma.goto(`/courses/${courseId}?tab=stream`);
  await expect(emma.getByText('No announcements yet.')).toBeVisible();
  await expect(emma.getByRole('textbox', { name: 'Announcement text' })).toHaveCount(0);
  // The deadline set before is the one unread notification so far.
  await expect(bell(emma)).toHaveAccessibleName('Notifications, 1 unread');

  await grace.goto(`/courses/${courseId}?tab=stream`);
  await grace
    .getByRole('textbox', { name: 'Announcement text' })
    .fill('The exam is on *Friday* at 9:00 in room 4.');
  await grace.getByRole('button', { name: 'Post' }).click();
  await expect(grace.getByRole('listitem').filter({ hasText: 'The exam is on' })).toBeVisible();

  // Live, without a reload: markdown-lite shows *Friday* in italics.
  const announcement = emma.getByRole('listitem').filter({ hasText: 'The exam is on' });
  await expect(announcement.locator('em')).toHaveText('Friday');
  await expect(announcement.getByRole('button', { name: 'Edit announcement' })).toHaveCount(0);
  await expect(bell(emma)).toHaveAccessibleName('Notifications, 2 unread');
  await bell(emma).click();
  const drawer = emma.getByRole('dialog', { name: 'Notifications' });
  await expect(drawer.getByTestId('notification').first()).toContainText(
    /Announcement in .* from Grace/,
  );
  await emma.keyboard.press('Escape');

  // The author edits it; the student's stream follows live.
  await grace.getByRole('button', { name: 'Edit announcement' }).click();
  await grace
    .getByRole('listitem')
    .getByRole('textbox', { name: 'Announcement text' })
    .fill('The exam is on *Friday* at 10:00 in room 4.');
  await grace.getByRole('button', { name: 'Save' }).click();
  await expect(announcement).toContainText('10:00');
  await expect(announcement).toContainText('edited');

  // The author attaches a file to it, and later takes it off again; the student follows.
  const own = grace.getByRole('listitem').filter({ hasText: 'The exam is on' });
  await own.getByRole('button', { name: 'Edit announcement' }).click();
  await own.locator('input[type="file"]').setInputFiles({
    name: 'seating.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(own.getByRole('button', { name: 'Remove seating.pdf' })).toBeVisible();
  await own.getByRole('button', { name: 'Save' }).click();
  await expect(
    announcement.getByRole('button', { name: 'seating.pdf', exact: true }),
  ).toBeVisible();
  await expect(announcement.getByRole('button', { name: 'Preview seating.pdf' })).toBeVisible();
  await own.getByRole('button', { name: 'Edit announcement' }).click();
  await own.getByRole('button', { name: 'Remove seating.pdf' }).click();
  await own.getByRole('button', { name: 'Save' }).click();
  await expect(announcement.getByRole('button', { name: 'seating.pdf', exact: true })).toHaveCount(
    0,
  );
  await expect(own.getByRole('button', { name: 'seating.pdf', exact: true })).toHaveCount(0);
  await expect(announcement).toContainText('10:00');

  await shoot(grace, 'announcements-teacher');
  await shoot(emma, 'announcements-student');
});

test('teacher and student exchange private comments on a hand-in, live on both sides', async ({
  browser,
  hub,
}) => {
  test.setTimeout(120_000);
  const { courseId } = await world(hub);
  const grace = await signedIn(browser, hub, 'davis', 'Grace');
  const emma = await signedIn(browser, hub, 'emma', 'Emma');

  await emma.goto(`/courses/${courseId}?tab=deadlines`);
  await emma.getByRole('button', { name: 'Your work' }).click();
  await expect(emma.getByText('No private comments yet.')).toBeVisible();
  await expect(bell(emma)).toHaveAccessibleName('Notifications, 1 unread');

  await grace.goto(`/courses/${courseId}?tab=deadlines`);
  await grace.getByRole('button', { name: 'Submissions' }).click();
  const row = grace.getByRole('region', { name: /Emma/ });
  await row.getByRole('button', { name: /Private comments/ }).click();
  await row.getByRole('textbox', { name: 'Private comment' }).fill('Label the axes, please.');
  await row.getByRole('button', { name: 'Send' }).click();
  const said = (page: Page | typeof row, text: string) =>
    page.getByRole('listitem').filter({ hasText: text });
  await expect(said(row, 'Label the axes, please.')).toBeVisible();

  // The student sees it beside the grade without a reload, and is notified.
  await expect(said(emma, 'Label the axes, please.')).toBeVisible();
  await expect(bell(emma)).toHaveAccessibleName('Notifications, 2 unread');
  await emma.getByRole('textbox', { name: 'Private comment' }).fill('Done, resubmitting now.');
  await emma.getByRole('button', { name: 'Send' }).click();
  await expect(said(row, 'Done, resubmitting now.')).toBeVisible();
  await expect(said(emma, 'Done, resubmitting now.')).toBeVisible();

  await shoot(grace, 'private-comments-teacher');
  await shoot(emma, 'private-comments-student');
});
