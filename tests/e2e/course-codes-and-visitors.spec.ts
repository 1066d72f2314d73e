import { expect, test } from '../support/e2e-hub';
import { axeViolations, settle } from './axe';
import { signInThroughUi } from './helpers';

test.use({ bypassCSP: true });

test('a signed-out visitor browses the catalogue and signs in to enrol', async ({ page, hub }) => {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const course = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Marine biology', description: 'Only for the enrolled', capacity: 12 },
  });
  await page.goto('/');
  await page.getByRole('link', { name: 'Browse courses' }).click();
  await expect(page).toHaveURL(/\/catalogue$/);
  const card = page.getByTestId('visitor-course');
  await expect(card).toContainText('Marine biology');
  await expect(card).toContainText('12 places left');
  await expect(card).toContainText('Taught by Grace');
  await expect(page.getByText('Only for the enrolled')).toHaveCount(0);
  await settle(page);
  await page.screenshot({ path: 'tests/e2e/screenshots/catalogue-visitor.png', fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await page.getByLabel('Search').fill('nothing like this');
  await expect(page.getByText('No course matches')).toBeVisible();
  await page.getByLabel('Search').fill('marine');
  await card.getByRole('link', { name: 'Sign in to enrol' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signInThroughUi(page, 'emma');
  await expect(page).toHaveURL(`/courses/${course.body.id as string}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Marine biology' })).toBeVisible();
});

test('a teacher is told live that a course code is taken, and creates one with a free code', async ({
  page,
  hub,
}) => {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Biology', capacity: 12, code: 'BIO2A' },
  });
  await signInThroughUi(page, 'davis');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto('/courses');
  await page.getByRole('button', { name: 'New course' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Title').fill('Biology, second group');
  const code = dialog.getByTestId('course-code');
  await code.fill('bio2a');
  await expect(dialog.getByText('The course code BIO2A is already taken')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/course-code-taken.png' });
  await code.fill('bio2b');
  await expect(dialog.getByText('BIO2B is free.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Create course' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Biology, second group' }),
  ).toBeVisible();
  await expect(page.getByText('BIO2B').first()).toBeVisible();
});
