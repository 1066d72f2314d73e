import type { Browser, Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { TINY_PNG, upload } from '../support/files';
import { signInThroughUi } from './helpers';

/**
 * Issue 14 point 3: work statuses on both sides around a due time a few
 * seconds away. Nobody reloads: the badges turn at the due time by the
 * app's own clock.
 */
const SECONDS_TO_DUE = 25;

async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', role: 'teacher' }); // the first account is the admin
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const emma = await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const liam = await hub.signUp({ username: 'liam', firstName: 'Liam', role: 'student' });
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Algorithms', capacity: 5 },
    })
  ).body.id as string;
  for (const student of [emma, liam])
    await hub.call('enrol', { token: student.token, params: { courseId } });
  const dueAt = new Date(Date.now() + SECONDS_TO_DUE * 1000).toISOString();
  const deadlineId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Sorting exercise', dueAt, maxPoints: 20 },
    })
  ).body.id as string;
  const work = await upload(
    `${hub.url}/api/uploads`,
    emma.token,
    'file',
    TINY_PNG,
    'answer.png',
    'image/png',
    'POST',
  );
  await hub.call('submit', {
    token: emma.token,
    params: { deadlineId },
    body: { fileIds: [work.body.id] },
  });
  return { courseId, dueAt };
}

async function openDeadlines(browser: Browser, hub: E2EHub, username: string, courseId: string) {
  const context = await browser.newContext({ baseURL: hub.url });
  const page = await context.newPage();
  await signInThroughUi(page, username);
  await expect(page).toHaveURL(/\/home$/);
  await page.goto(`/courses/${courseId}?tab=deadlines`);
  return page;
}

const count = (page: Page, status: string) =>
  page
    .getByRole('list', { name: 'Work on this assignment by status' })
    .locator(`[data-status="${status}"]`);
const card = (page: Page) => page.getByRole('article', { name: 'Sorting exercise' });

test('work statuses and counts turn at the due time, the same on both sides', async ({
  browser,
  hub,
}) => {
  test.setTimeout(90_000);
  const { courseId, dueAt } = await world(hub);
  const teacher = await openDeadlines(browser, hub, 'davis', courseId);
  await teacher.getByRole('button', { name: 'Submissions' }).click();
  const liam = await openDeadlines(browser, hub, 'liam', courseId);
  const emma = await openDeadlines(browser, hub, 'emma', courseId);
  // Guard: the checks before the due time only mean something if it has not passed yet.
  expect(Date.now(), 'the world took too long to set up').toBeLessThan(Date.parse(dueAt) - 3000);

  // Before the due time: nothing handed in is Assigned, never Missing; zero late is neutral.
  await expect(count(teacher, 'handedIn')).toHaveText('1 handed in');
  await expect(count(teacher, 'assigned')).toHaveText('1 assigned');
  await expect(count(teacher, 'missing')).toHaveText('0 missing');
  await expect(count(teacher, 'late')).toHaveText('0 late');
  await expect(count(teacher, 'late')).toHaveAttribute('data-tone', 'muted');
  await expect(count(teacher, 'missing')).toHaveAttribute('data-tone', 'muted');
  const liamRow = teacher.getByRole('region', { name: 'Liam Quill' });
  await expect(liamRow.locator('[data-status]')).toHaveText('Assigned');
  await expect(card(liam).locator('[data-status]')).toHaveText('Assigned');
  await expect(card(emma).locator('[data-status]')).toHaveText('Handed in');

  // After it, with nobody reloading: Liam's work is Missing on both sides.
  const afterDue = { timeout: SECONDS_TO_DUE * 1000 + 10_000 };
  await expect(count(teacher, 'missing')).toHaveText('1 missing', afterDue);
  await expect(count(teacher, 'missing')).toHaveAttribute('data-tone', 'bad');
  await expect(count(teacher, 'assigned')).toHaveText('0 assigned');
  await expect(liamRow.locator('[data-status]')).toHaveText('Missing');
  await expect(card(liam).locator('[data-status]')).toHaveText('Missing', afterDue);
  await expect(card(emma).locator('[data-status]')).toHaveText('Handed in');

  // Grading moves the badge and the counts to Graded, with the points shown.
  const emmaRow = teacher.getByRole('region', { name: 'Emma Quill' });
  await emmaRow.getByRole('textbox', { name: /Points/ }).fill('17');
  await emmaRow.getByRole('button', { name: 'Save grade' }).click();
  await expect(count(teacher, 'graded')).toHaveText('1 graded');
  await expect(count(teacher, 'graded')).toHaveAttribute('data-tone', 'good');
  await expect(count(teacher, 'handedIn')).toHaveText('0 handed in');
  await expect(emmaRow.locator('[data-status]')).toHaveText('Graded');
  await expect(emmaRow.getByText('Graded: 17 / 20')).toBeVisible();
  await emma.reload();
  await expect(card(emma).locator('[data-status]')).toHaveText('Graded');
  await expect(card(emma).getByText('Graded: 17 / 20')).toBeVisible();
});
