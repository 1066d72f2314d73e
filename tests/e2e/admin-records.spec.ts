import type { Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { upload } from '../support/files';
import { GOOD_PASSWORD, expectSignedInHome, signInThroughUi } from './helpers';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

/** A course with one of each record and a session with a post and a comment, all through the API. */
async function seedWorld(hub: E2EHub) {
  await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Paul', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma' });
  const uploaded = async (token: string, name: string) =>
    (await upload(`${hub.url}/api/uploads`, token, 'file', PDF, name, 'application/pdf', 'POST'))
      .body.id as string;
  const course = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Astronomy', capacity: 20 },
    })
  ).body;
  await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
  await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId: course.id },
    body: { fileId: await uploaded(teacher.token, 'Star chart.pdf') },
  });
  const deadline = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId: course.id },
      body: { title: 'Observation log', dueAt: '2030-05-01T17:00:00Z', maxPoints: 10 },
    })
  ).body;
  await hub.call('submit', {
    token: student.token,
    params: { deadlineId: deadline.id },
    body: { comment: 'Mine', fileIds: [await uploaded(student.token, 'log.pdf')] },
  });
  await hub.call('giveFeedback', {
    token: student.token,
    params: { courseId: course.id },
    body: { rating: 4, comment: 'Loved the telescopes', anonymous: true },
  });
  const session = (
    await hub.call('createSession', { token: teacher.token, body: { title: 'Night sky club' } })
  ).body;
  await hub.call('joinSession', { token: student.token, body: { token: session.joinToken } });
  const post = (
    await hub.call('createPost', {
      token: student.token,
      params: { sessionId: session.id },
      body: { text: 'Saturn rings tonight' },
    })
  ).body;
  await hub.call('createComment', {
    token: teacher.token,
    params: { postId: post.id },
    body: { text: 'Great find' },
  });
  await hub.call('postStatusUpdate', {
    token: student.token,
    body: { text: 'Charting Orion this week' },
  });
}

/** Runs a row action from the row's menu, confirming when asked. */
async function rowAction(page: Page, tab: string, row: RegExp, action: string, confirm = false) {
  const table = page.getByTestId(`collection-${tab}`);
  await table.getByRole('button', { name: row }).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
  if (confirm)
    await page.getByRole('dialog', { name: action }).getByRole('button', { name: action }).click();
}

test('the admin sees every kind of record, changes an enrolment and deletes a material, a post and a status update', async ({
  page,
  hub,
}) => {
  await seedWorld(hub);
  await signInThroughUi(page, 'admin');
  await expectSignedInHome(page, 'Ada');

  const seen: [string, string[]][] = [
    ['enrolments', ['Emma Quill', 'Astronomy', 'Enrolled']],
    ['materials', ['Star chart.pdf', 'Astronomy']],
    ['deadlines', ['Observation log', 'Astronomy']],
    ['submissions', ['Emma Quill', 'Observation log', 'v1']],
    ['feedback', ['Emma Quill', 'Anonymous', '4 of 5', 'Loved the telescopes']],
    ['posts', ['Saturn rings tonight', 'Night sky club']],
    ['comments', ['Great find', 'Night sky club']],
    ['status-updates', ['Charting Orion this week', 'Emma Quill']],
  ];
  for (const [tab, texts] of seen) {
    await page.goto(`/admin?tab=${tab}`);
    const table = page.getByTestId(`collection-${tab}`);
    for (const text of texts) await expect(table, `${tab}: ${text}`).toContainText(text);
  }

  await page.goto('/admin?tab=enrolments');
  await rowAction(page, 'enrolments', /More actions for Emma Quill/, 'Block');
  await expect(page.getByTestId('collection-enrolments')).toContainText('Blocked');
  expect(
    (await hub.call('adminEnrolments', { token: await adminToken(hub) })).body.items[0].status,
  ).toBe('blocked');

  await page.goto('/admin?tab=materials');
  await rowAction(page, 'materials', /More actions for Star chart/, 'Delete', true);
  await expect(page.getByTestId('collection-materials')).toContainText('No materials match');

  await page.goto('/admin?tab=posts');
  await rowAction(page, 'posts', /More actions for Emma Quill/, 'Delete', true);
  await expect(page.getByTestId('collection-posts')).toContainText('No posts match');
  // The post's comment went with it.
  await page.goto('/admin?tab=comments');
  await expect(page.getByTestId('collection-comments')).toContainText('No comments match');

  await page.goto('/admin?tab=status-updates');
  await rowAction(page, 'status-updates', /More actions for Emma Quill/, 'Delete', true);
  await expect(page.getByTestId('collection-status-updates')).toContainText(
    'No status updates match',
  );
  // Gone from her profile too.
  const profile = await hub.call('statusUpdates', {
    token: await adminToken(hub),
    params: { username: 'emma' },
  });
  expect(profile.body.items).toEqual([]);
});

test('on a phone, one select picks among the admin sections', async ({ page, hub }) => {
  await seedWorld(hub);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInThroughUi(page, 'admin');
  await expectSignedInHome(page, 'Ada');
  await page.goto('/admin?tab=materials');
  await expect(page.getByTestId('collection-materials')).toContainText('Star chart.pdf');
  await expect(page.getByRole('tablist')).toBeHidden();
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: 'Feedback' }).click();
  await expect(page).toHaveURL(/tab=feedback/);
  await expect(page.getByTestId('collection-feedback')).toContainText('Loved the telescopes');
});

for (const [name, size] of [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`screens: the record tabs on ${name}`, async ({ page, hub }) => {
    await seedWorld(hub);
    await page.setViewportSize(size);
    await signInThroughUi(page, 'admin');
    await expectSignedInHome(page, 'Ada');
    const tabs = ['enrolments', 'materials', 'submissions', 'feedback', 'posts', 'comments'];
    for (const tab of [...tabs, 'status-updates']) {
      await page.goto(`/admin?tab=${tab}`);
      await expect(page.getByTestId(`collection-${tab}`).getByRole('table')).toBeVisible();
      await page.screenshot({
        path: `test-results/screens/admin-${tab}-${name}.png`,
        fullPage: true,
      });
    }
  });
}

async function adminToken(hub: E2EHub): Promise<string> {
  const reply = await hub.call('signIn', {
    body: { username: 'admin', password: GOOD_PASSWORD },
  });
  return reply.body.tokens.accessToken as string;
}
