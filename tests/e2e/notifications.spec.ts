import type { Browser, Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { TINY_PNG, upload } from '../support/files';
import { axeViolations, settle } from './axe';
import { bridgeCalls, withBridge } from './desktop-helpers';
import { expectSignedInHome, signInThroughUi } from './helpers';

/** A real (tiny) PDF: the hub checks uploads by their content. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const SHOTS = 'test-results/screens';

test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

async function signedIn(browser: Browser, hub: E2EHub, username: string, firstName: string) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  const uncaught: string[] = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  // Live news only reaches a connected socket: wait for it, as a person would see the green dot.
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  return { page, uncaught };
}

const bell = (page: Page) => page.getByRole('button', { name: /^Notifications/ });

test('a student hears of new material live, opens it from the bell, and clears the rest', async ({
  page,
  browser,
  hub,
}) => {
  test.setTimeout(60_000);
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const created = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Algorithms', description: 'Sorting and graphs.', capacity: 20 },
  });
  const courseId = created.body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });

  const { page: emma, uncaught } = await signedIn(browser, hub, 'emma', 'Emma');
  await expect(bell(emma)).toHaveAccessibleName('Notifications');

  // The teacher uploads a material through the course page…
  await signInThroughUi(page, 'davis');
  await expectSignedInHome(page, 'Grace');
  await page.goto(`/courses/${courseId}`);
  await page.getByRole('tab', { name: 'Materials' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Upload material' }).click();
  await (
    await chooser
  ).setFiles({ name: 'syllabus.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByText('syllabus.pdf', { exact: true })).toBeVisible();

  // …and the student's bell counts it, with no reload.
  await expect(bell(emma)).toHaveAccessibleName('Notifications, 1 unread');
  await expect(emma.getByTestId('notification-count')).toContainText('1');
  await bell(emma).click();
  const item = emma.getByTestId('notification').filter({ hasText: 'syllabus.pdf' });
  await expect(item).toContainText('New material in CS101: syllabus.pdf');
  await expect(item).toContainText('Unread');
  await expect(item).toContainText(/(just now|1 minute ago)$/);
  await settle(emma);
  expect(await axeViolations(emma), 'bell popover').toEqual([]);
  await emma.screenshot({ path: `${SHOTS}/notifications-popover-desktop.png` });

  // Clicking it opens the material itself (its tab, scrolled to and marked) and the count drops.
  await item.click();
  await expect(emma).toHaveURL(new RegExp(`/courses/${courseId}\\?tab=materials#material-`));
  await expect(emma.getByRole('heading', { level: 1, name: 'Algorithms' })).toBeVisible();
  await expect(emma.getByRole('tab', { name: 'Materials' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const material = emma.locator('[data-revealed]');
  await expect(material).toContainText('syllabus.pdf');
  await expect(material).toBeInViewport();
  await expect(bell(emma)).toHaveAccessibleName('Notifications');

  // Two more arrive (a material and a deadline); "Mark all as read" clears both.
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
  const dueAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
  await hub.call('createDeadline', {
    token: teacher.token,
    params: { courseId },
    body: { title: 'Sorting exercise', dueAt },
  });
  await expect(bell(emma)).toHaveAccessibleName('Notifications, 2 unread');

  await emma.setViewportSize({ width: 390, height: 844 });
  await bell(emma).click();
  const drawer = emma.getByRole('dialog', { name: 'Notifications' });
  await expect(drawer.getByTestId('notification')).toHaveCount(3);
  // Newest first, and the ISO due time in the body is shown in words.
  await expect(drawer.getByTestId('notification').first()).toContainText(
    'New deadline in CS101: Sorting exercise',
  );
  await expect(drawer.getByTestId('notification').first()).not.toContainText('T0');
  await settle(emma);
  expect(await axeViolations(emma), 'bell drawer').toEqual([]);
  await emma.screenshot({ path: `${SHOTS}/notifications-drawer-phone.png` });
  // Unread tint and dimmed text must stay readable in the dark scheme too.
  await emma.emulateMedia({ colorScheme: 'dark' });
  await settle(emma);
  expect(await axeViolations(emma), 'bell drawer, dark').toEqual([]);
  await emma.screenshot({ path: `${SHOTS}/notifications-drawer-phone-dark.png` });
  await emma.emulateMedia({ colorScheme: 'light' });
  await drawer.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(bell(emma)).toHaveAccessibleName('Notifications');
  await expect(drawer.getByText('Unread')).toHaveCount(0);
  await expect(drawer.getByRole('button', { name: 'Mark all as read' })).toBeDisabled();

  // The hub kept it: after a reload nothing is unread.
  await emma.reload();
  await expect(emma.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
  await expect(bell(emma)).toHaveAccessibleName('Notifications');
  expect(uncaught, 'uncaught errors in the student page').toEqual([]);
});

test('in the desktop app each new notification also goes to the OS, with the count on the badge', async ({
  page,
  hub,
}) => {
  test.setTimeout(60_000);
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const created = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Algorithms', capacity: 20 },
  });
  const courseId = created.body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const addDeadline = async (title: string) =>
    (
      await hub.call('createDeadline', {
        token: teacher.token,
        params: { courseId },
        body: { title, dueAt: new Date(Date.now() + 86_400_000).toISOString() },
      })
    ).body.id as string;

  await withBridge(page);
  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');

  const deadlineId = await addDeadline('Sorting exercise');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 1 unread');
  const shown = await bridgeCalls(page, 'notifications.show');
  expect(shown.map((call) => call.args[0])).toEqual([
    {
      title: 'New deadline in CS101: Sorting exercise',
      body: expect.stringMatching(/^Due /),
      link: `/courses/${courseId}?tab=deadlines#deadline-${deadlineId}`,
    },
  ]);
  const badge = async () =>
    (await bridgeCalls(page, 'notifications.setBadgeCount')).at(-1)?.args[0];
  await expect.poll(badge).toBe(1);

  // The switch exists only in the desktop app; off, the OS hears nothing and the badge clears.
  await bell(page).click();
  const toggle = page.getByRole('switch', { name: 'Show on this computer' });
  await expect(toggle).toBeChecked();
  await settle(page);
  expect(await axeViolations(page), 'bell popover in the desktop app').toEqual([]);
  await page.screenshot({ path: `${SHOTS}/notifications-popover-desktop-app.png` });
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect.poll(badge).toBe(0);
  await addDeadline('Graph exercise');
  await expect(bell(page)).toHaveAccessibleName('Notifications, 2 unread');
  expect(await bridgeCalls(page, 'notifications.show')).toHaveLength(1);
  // The choice is remembered for this person across a reload.
  await page.reload();
  await bell(page).click();
  await expect(page.getByRole('switch', { name: 'Show on this computer' })).not.toBeChecked();
});

test('each notification opens its thing: the grade, the post, the message, the student in the roster', async ({
  browser,
  hub,
}) => {
  test.setTimeout(90_000);
  await hub.signUp({ username: 'root', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  const courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Algorithms', capacity: 20 },
    })
  ).body.id as string;
  const deadlineId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: {
        title: 'Lab report',
        dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        maxPoints: 20,
      },
    })
  ).body.id as string;
  const { page: grace } = await signedIn(browser, hub, 'davis', 'Grace');
  const { page: emma, uncaught } = await signedIn(browser, hub, 'emma', 'Emma');
  const open = async (page: Page, text: string) => {
    await bell(page).click();
    await page.getByTestId('notification').filter({ hasText: text }).first().click();
  };

  // An enrolment opens the course's roster with that student marked.
  await hub.call('enrol', { token: student.token, params: { courseId } });
  await open(grace, 'Emma');
  await expect(grace.getByRole('tab', { name: 'Students' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(grace.locator('[data-revealed]')).toContainText('@emma');

  // A grade opens the deadline with the student's work and grade in view.
  const file = await upload(
    `${hub.url}/api/uploads`,
    student.token,
    'file',
    TINY_PNG,
    'lab.png',
    'image/png',
    'POST',
  );
  await hub.call('submit', {
    token: student.token,
    params: { deadlineId },
    body: { comment: '', fileIds: [file.body.id] },
  });
  await hub.call('gradeSubmission', {
    token: teacher.token,
    params: { deadlineId, userId: student.id },
    body: { points: 17, feedback: 'Clear method.' },
  });
  await open(emma, 'Graded: Lab report — 17/20');
  const deadline = emma.locator('[data-revealed]');
  await expect(deadline).toContainText('Lab report');
  await expect(deadline.getByText('Your grade: 17 / 20')).toBeInViewport();

  // A post opens the post in its session.
  const sessionId = (
    await hub.call('createSession', { token: teacher.token, body: { title: 'Chemistry' } })
  ).body.id as string;
  const joinToken = (await hub.call('session', { token: teacher.token, params: { sessionId } }))
    .body.joinToken as string;
  await hub.call('joinSession', { token: student.token, body: { token: joinToken } });
  const postId = (
    await hub.call('createPost', {
      token: teacher.token,
      params: { sessionId },
      body: { text: 'Quiz on Friday' },
    })
  ).body.id as string;
  await open(emma, 'posted in “Chemistry”');
  await expect(emma).toHaveURL(new RegExp(`/sessions/${sessionId}#post-`));
  await expect(emma.locator('[data-revealed]')).toContainText('Quiz on Friday');

  // A comment opens the post's thread, at the comment.
  await hub.call('createComment', {
    token: student.token,
    params: { postId },
    body: { text: 'Which chapters?' },
  });
  await open(grace, 'commented in “Chemistry”');
  await expect(grace).toHaveURL(new RegExp(`/sessions/${sessionId}\\?thread=${postId}#comment-`));
  await expect(grace.locator('[data-revealed]')).toContainText('Which chapters?');

  // A direct message opens the conversation at the message.
  const room = (
    await hub.call('openDirect', { token: teacher.token, body: { userId: student.id } })
  ).body.room as string;
  await hub.call('sendMessage', {
    token: teacher.token,
    params: { room },
    body: { text: 'See me after class', clientId: 'e2e-dm-0001' },
  });
  await open(emma, 'Message from Grace');
  await expect(emma).toHaveURL(new RegExp(`/chat/${encodeURIComponent(room)}#message-1`));
  await expect(emma.locator('[data-revealed]')).toContainText('See me after class');
  expect(uncaught, 'uncaught errors in the student page').toEqual([]);
});
