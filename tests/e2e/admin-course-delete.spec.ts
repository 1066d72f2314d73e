import { expect, test } from '../support/e2e-hub';
import { upload } from '../support/files';
import { expectSignedInHome, signInThroughUi } from './helpers';
import { shoot } from './shoot';

test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

test('the admin deletes a course after seeing what it holds, and it leaves the list', async ({
  page,
  hub,
}) => {
  await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Paul', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma' });
  const course = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Astronomy', capacity: 20 },
    })
  ).body;
  await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
  const file = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    Buffer.from('stars'),
    'Star chart.txt',
    'text/plain',
    'POST',
  );
  await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId: course.id },
    body: { fileId: file.body.id },
  });

  await signInThroughUi(page, 'admin');
  await expectSignedInHome(page, 'Ada');
  await page.goto('/admin?tab=courses');
  const table = page.getByTestId('collection-courses');
  await expect(table).toContainText('Astronomy');
  await table.getByRole('button', { name: /More actions for .*Astronomy/ }).click();
  await page.getByRole('menuitem', { name: 'Delete course…' }).click();
  const dialog = page.getByRole('dialog', { name: /Delete .*Astronomy\?/ });
  const summary = dialog.getByTestId('course-deletion-summary');
  await expect(summary).toContainText('1 enrolment');
  await expect(summary).toContainText('1 material');
  await expect(summary).toContainText('0 handed-in pieces of work');
  await expect(dialog).toContainText('This cannot be undone');
  await shoot(page, 'admin-course-delete-dialog', { fullPage: false });

  await dialog.getByRole('button', { name: 'Delete course' }).click();
  await expect(dialog).toBeHidden();
  await expect(table).not.toContainText('Astronomy');
  await shoot(page, 'admin-course-deleted');
  const asStudent = await hub.call('course', {
    token: student.token,
    params: { courseId: course.id },
  });
  expect(asStudent.status).toBe(404);
});
