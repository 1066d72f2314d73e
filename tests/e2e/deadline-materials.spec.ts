import { expect, test } from '../support/e2e-hub';
import { upload } from '../support/files';
import { signInThroughUi } from './helpers';

/** Issue 15 point 1: a teacher attaches a course material and a new file to a deadline; a student opens one from the assignment. */
test('a deadline carries materials the student opens from the assignment', async ({
  browser,
  hub,
}) => {
  test.setTimeout(60_000);
  await hub.signUp({ username: 'root', role: 'teacher' }); // the first account is the admin
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Algorithms', capacity: 5 },
    })
  ).body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const sheet = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    Buffer.from('Exercise sheet text'),
    'sheet.txt',
    'text/plain',
    'POST',
  );
  await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId },
    body: { fileId: sheet.body.id, title: 'Exercise sheet' },
  });

  const page = await (await browser.newContext({ baseURL: hub.url })).newPage();
  await signInThroughUi(page, 'davis');
  await expect(page).toHaveURL(/\/home$/);
  await page.goto(`/courses/${courseId}?tab=deadlines`);
  await page.getByRole('button', { name: 'New deadline' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /^Title/ }).fill('Sorting');
  await dialog.getByRole('combobox', { name: 'Attach course materials' }).click();
  await page.getByRole('option', { name: 'Exercise sheet' }).click();
  await dialog.getByRole('combobox', { name: 'Attach course materials' }).press('Escape');
  await dialog.locator('input[type="file"]').setInputFiles({
    name: 'rubric.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('The rubric'),
  });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByRole('article', { name: 'Sorting' });
  const attached = card.getByRole('region', { name: 'Materials for this assignment' });
  await expect(attached.getByRole('button', { name: /^Open / })).toHaveText([
    'Exercise sheet',
    'rubric.txt',
  ]);

  const learner = await (await browser.newContext({ baseURL: hub.url })).newPage();
  await signInThroughUi(learner, 'emma');
  await expect(learner).toHaveURL(/\/home$/);
  await learner.goto(`/courses/${courseId}?tab=deadlines`);
  const popup = learner.waitForEvent('popup');
  await learner
    .getByRole('article', { name: 'Sorting' })
    .getByRole('button', { name: 'Open rubric.txt' })
    .click();
  const opened = await popup;
  await expect(opened.locator('body')).toHaveText('The rubric');
});
