import { expect, test } from '../support/e2e-hub';
import { expectSignedInHome, signInThroughUi } from './helpers';

test('the admin archives a course, moderates a session’s post and deletes the session', async ({
  page,
  hub,
}) => {
  await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Paul', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Astronomy', capacity: 20 },
  });
  const session = (
    await hub.call('createSession', { token: teacher.token, body: { title: 'Night sky club' } })
  ).body;
  await hub.call('joinSession', { token: student.token, body: { token: session.joinToken } });
  await hub.call('createPost', {
    token: student.token,
    params: { sessionId: session.id },
    body: { text: 'Spam spam spam' },
  });

  await signInThroughUi(page, 'admin');
  await expectSignedInHome(page, 'Ada');
  await page.goto('/admin?tab=courses');
  const courses = page.getByTestId('collection-courses');
  await expect(courses).toContainText('Astronomy');
  await courses.getByRole('button', { name: /More actions for .*Astronomy/ }).click();
  await page.getByRole('menuitem', { name: 'Archive course' }).click();
  await page
    .getByRole('dialog', { name: 'Archive course' })
    .getByRole('button', { name: 'Archive course' })
    .click();
  await expect(courses).toContainText('No courses match');
  await courses.getByRole('combobox', { name: 'State' }).click();
  await page.getByRole('option', { name: 'Archived' }).click();
  await expect(courses).toContainText('Astronomy');

  await page.goto('/admin?tab=sessions');
  const sessions = page.getByTestId('collection-sessions');
  await expect(sessions).toContainText('Hosted by Paul');
  await page.screenshot({ path: 'test-results/screens/admin-sessions-desktop.png' });
  await sessions.getByRole('link', { name: 'Night sky club' }).click();
  await expect(page).toHaveURL(new RegExp(`/sessions/${session.id}$`));
  await expect(page.getByText('Spam spam spam')).toBeVisible();
  await page.getByRole('button', { name: 'Actions for the post by Emma Quill' }).click();
  await page.getByRole('menuitem', { name: 'Delete post' }).click();
  await page.getByRole('dialog', { name: 'Delete post' }).getByRole('button').last().click();
  await expect(page.getByText('Spam spam spam')).toBeHidden();

  await page.goto('/admin?tab=sessions');
  await sessions.getByRole('button', { name: /More actions for Night sky club/ }).click();
  await page.getByRole('menuitem', { name: 'Delete session' }).click();
  await page
    .getByRole('dialog', { name: 'Delete session' })
    .getByRole('button', { name: 'Delete session' })
    .click();
  await expect(sessions).toContainText('No sessions match');
});
