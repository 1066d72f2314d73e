import { expect, test, type E2EHub } from '../support/e2e-hub';
import { TINY_PNG } from '../support/files';
import { upload } from '../support/files';
import { signInThroughUi } from './helpers';
import { shoot } from './shoot';

/**
 * Every course screen, desktop and phone, light and dark: screenshots into
 * test-results/screens/ and an axe check of each.
 */

/** A teacher's course with a material, a deadline and one student who submitted. */
async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const created = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Algorithms', description: 'Sorting, searching and graphs.', capacity: 3 },
  });
  const courseId = created.body.id as string;
  const file = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    TINY_PNG,
    'diagram.png',
    'image/png',
    'POST',
  );
  await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId },
    body: { fileId: file.body.id },
  });
  const dueAt = new Date(Date.now() + 2 * 3600_000 + 5 * 60_000).toISOString();
  const deadline = await hub.call('createDeadline', {
    token: teacher.token,
    params: { courseId },
    body: { title: 'Sorting exercise', dueAt },
  });
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const work = await upload(
    `${hub.url}/api/uploads`,
    student.token,
    'file',
    TINY_PNG,
    'answer.png',
    'image/png',
    'POST',
  );
  await hub.call('submit', {
    token: student.token,
    params: { deadlineId: deadline.body.id },
    body: { fileIds: [work.body.id], comment: 'Done.' },
  });
  return { courseId };
}

test.describe.configure({ mode: 'parallel' });
test.use({ bypassCSP: true });

for (const who of ['teacher', 'student'] as const) {
  test(`course screens of a ${who} look finished and pass axe`, async ({ page, hub }) => {
    const { courseId } = await world(hub);
    await signInThroughUi(page, who === 'teacher' ? 'davis' : 'emma');
    await expect(page).toHaveURL(/\/home$/);
    const shot = (name: string) => shoot(page, `courses-${who}-${name}`);
    await expect(page.getByRole('timer').first()).toHaveText(/hours?, \d+ minutes? left/);
    if (who === 'teacher')
      await expect(
        page.getByRole('region', { name: 'Waiting for grading' }).getByRole('link'),
      ).toHaveText('Emma Quill · Sorting exercise');
    await shot('home');
    await page.goto('/courses');
    await expect(page.getByText('1 of 3 seats taken')).toBeVisible();
    await shot('catalogue');
    await page.goto(`/courses/${courseId}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Algorithms' })).toBeVisible();
    await shot('overview');
    await page.getByRole('tab', { name: 'Materials' }).click();
    await expect(page.getByText('diagram.png').first()).toBeVisible();
    await shot('materials');
    await page.getByRole('tab', { name: 'Deadlines' }).click();
    await page
      .getByRole('button', { name: who === 'teacher' ? 'Submissions' : 'Your work' })
      .click();
    await expect(page.getByText(who === 'teacher' ? '1 handed in' : 'Version 1')).toBeVisible();
    await shot('deadlines');
    await page.getByRole('tab', { name: who === 'teacher' ? 'Gradebook' : 'My grades' }).click();
    await expect(
      who === 'teacher'
        ? page.getByRole('gridcell', { name: /^Emma Quill, Sorting exercise:/ })
        : page.getByRole('table', { name: 'My grades' }).getByRole('row', { name: /Sorting/ }),
    ).toContainText('Handed in');
    await shot('grades');
    if (who === 'teacher') {
      await page.getByRole('tab', { name: 'Students' }).click();
      await expect(page.getByText('@emma')).toBeVisible();
      await shot('students');
    }
    await page.getByRole('tab', { name: 'Feedback' }).click();
    await expect(page.getByText('No ratings yet')).toBeVisible();
    await shot('feedback');
  });
}
