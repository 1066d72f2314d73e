import { expect, test } from '../support/e2e-hub';
import { expectSignedInHome, field, signInThroughUi } from './helpers';

test('a teacher hosts a session for a course; only its students join, from a join link', async ({
  page,
  browser,
  hub,
}) => {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'hana', firstName: 'Hana', role: 'teacher' });
  const emma = await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await hub.signUp({ username: 'noah', firstName: 'Noah' });
  const course = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Astronomy', capacity: 9 },
    })
  ).body;
  await hub.call('enrol', { token: emma.token, params: { courseId: course.id } });

  await signInThroughUi(page, 'hana');
  await expectSignedInHome(page, 'Hana');
  await page.goto('/sessions');
  await page.getByRole('button', { name: 'New session' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Host a session' });
  await field(dialog, 'Title').fill('Star party');
  await dialog.getByRole('combobox', { name: 'Course' }).click();
  await page.getByRole('option', { name: `${course.code} · Astronomy` }).click();
  for (const [size, width, height] of [
    ['desktop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screens/sessions-create-for-course-${size}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await dialog.getByRole('button', { name: 'Create session' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Star party' })).toBeVisible();
  await expect(page.getByRole('link', { name: course.code })).toBeVisible();
  const token = (await page.getByTestId('join-token').textContent()) ?? '';

  for (const [username, firstName] of [
    ['noah', 'Noah'],
    ['emma', 'Emma'],
  ] as const) {
    const context = await browser.newContext({ baseURL: hub.url });
    const student = await context.newPage();
    await signInThroughUi(student, username);
    await expectSignedInHome(student, firstName);
    await student.goto(`/sessions?join=${encodeURIComponent(token)}`);
    await expect(field(student, 'Join token')).toHaveValue(token);
    await student.getByRole('button', { name: 'Join', exact: true }).click();
    if (username === 'noah') {
      await expect(
        student.getByText(/for students of .*Astronomy.*Enrol in the course first/),
      ).toBeVisible();
    } else {
      await expect(student.getByRole('heading', { level: 1, name: 'Star party' })).toBeVisible();
    }
    await context.close();
  }
});
