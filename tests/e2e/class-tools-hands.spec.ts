import type { Browser, Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { axeViolations, settle } from './axe';
import { expectSignedInHome, signInThroughUi } from './helpers';

test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

const QUIET_REASON = 'Quiet mode is on: only the teacher can post in this class’s chat right now.';

/** A course's live class through the API: its teacher, two students in it. */
async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', role: 'teacher' }); // the first account is the admin
  const teacher = await hub.signUp({
    username: 'davis',
    firstName: 'Grace',
    lastName: 'Davis',
    role: 'teacher',
  });
  const emma = await hub.signUp({ username: 'emma', firstName: 'Emma', lastName: 'Stone' });
  const milo = await hub.signUp({ username: 'milo', firstName: 'Milo', lastName: 'Park' });
  const course = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Physics', capacity: 30 },
  });
  const courseId = course.body.id as string;
  const session = await hub.call('createSession', {
    token: teacher.token,
    body: { title: 'Lab 3: pendulums', courseId },
  });
  for (const student of [emma, milo]) {
    await hub.call('enrol', { token: student.token, params: { courseId } });
    await hub.call('joinSession', {
      token: student.token,
      body: { token: session.body.joinToken },
    });
  }
  return { teacher, milo, sessionId: session.body.id as string };
}

async function inClass(browser: Browser, hub: E2EHub, username: string, firstName: string) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  const uncaught: string[] = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  return { page, uncaught };
}

async function openClass(page: Page, sessionId: string) {
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Lab 3: pendulums' })).toBeVisible();
  await expect(page.getByTestId('class-tools')).toBeVisible();
}

/** The panel's tabs on a desktop (on a phone the same tool is picked in a select). */
const tool = (page: Page, name: string) =>
  page.getByTestId('class-tools').getByRole('tab', { name });

/** Both sizes, looked at afterwards, and axe on each. */
async function screens(page: Page, name: string) {
  for (const [size, width, height] of [
    ['desktop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await settle(page);
    // On a phone the panel sits below the token and members: show it, as a student would scroll.
    const panel = page.getByTestId('class-tools');
    if ((await panel.count()) > 0) await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screens/class-tools-${name}-${size}.png` });
    expect(await axeViolations(page), `${name} at ${size}`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('a hand is raised and called on, a question asked, upvoted and answered, and quiet mode stops a student', async ({
  browser,
  hub,
}) => {
  test.setTimeout(180_000);
  const { teacher: grace, milo, sessionId } = await world(hub);
  const teacher = await inClass(browser, hub, 'davis', 'Grace');
  const student = await inClass(browser, hub, 'emma', 'Emma');
  await openClass(teacher.page, sessionId);
  await openClass(student.page, sessionId);

  // Raise hand → the teacher's queue, live → called on → the student sees it.
  await expect(teacher.page.getByTestId('hands-empty')).toBeVisible();
  await student.page.getByRole('button', { name: 'Raise hand' }).click();
  await expect(student.page.getByTestId('hand-place')).toHaveText(
    'Your hand is up: number 1 of 1 in the queue.',
  );
  const queue = teacher.page.getByTestId('hand-queue');
  await expect(queue.getByTestId('hand')).toHaveCount(1);
  await expect(queue).toContainText('Emma Stone');
  await teacher.page.getByRole('button', { name: 'Call on' }).click();
  await expect(student.page.getByTestId('called-on')).toHaveText('You’re called on! Go ahead.');
  await expect(queue.getByText('Called on')).toBeVisible();
  await screens(teacher.page, 'hands-teacher');
  await screens(student.page, 'hands-student');
  await teacher.page.getByRole('button', { name: 'Lower all' }).click();
  await expect(student.page.getByRole('button', { name: 'Raise hand' })).toBeVisible();
  await expect(student.page.getByTestId('called-on')).toHaveCount(0);

  // An anonymous question: asked, upvoted by a classmate, answered — all live.
  await tool(student.page, 'Questions').click();
  await tool(teacher.page, 'Questions').click();
  await student.page.getByRole('textbox', { name: 'Ask a question' }).fill('Does the mass matter?');
  await student.page.getByRole('button', { name: 'Ask anonymously' }).click();
  const asked = teacher.page.getByTestId('question');
  await expect(asked).toContainText('Does the mass matter?');
  const questionId = (
    (await hub.call('questions', { token: milo.token, params: { sessionId } })).body.items[0] as {
      id: string;
    }
  ).id;
  await hub.call('upvoteQuestion', { token: milo.token, params: { sessionId, questionId } });
  await expect(asked.getByTestId('upvotes')).toHaveText('1');
  await expect(student.page.getByTestId('question').getByTestId('upvotes')).toHaveText('1');
  // Nobody but an admin learns who asked: not the teacher.
  await expect(asked.getByTestId('question-author')).toHaveCount(0);
  await expect(asked).not.toContainText('Emma');
  await asked.getByRole('button', { name: 'Answer' }).click();
  await teacher.page
    .getByRole('textbox', { name: 'Your answer' })
    .fill('No: only the length does.');
  await teacher.page.getByRole('button', { name: 'Save answer' }).click();
  await expect(student.page.getByTestId('answer')).toHaveText('Answer: No: only the length does.');
  await expect(student.page.getByTestId('question')).toContainText('Answered');
  await screens(teacher.page, 'questions-teacher');
  await screens(student.page, 'questions-student');

  // Quiet mode: the teacher turns it on; the student's message comes back with the reason.
  await tool(teacher.page, 'Chat controls').click();
  await teacher.page.getByRole('switch', { name: 'Quiet mode' }).click();
  await expect(teacher.page.getByRole('switch', { name: 'Quiet mode' })).toBeChecked();
  await screens(teacher.page, 'chat-controls-teacher');
  await student.page.goto(`/chat/${encodeURIComponent(`session:${sessionId}`)}`);
  await expect(student.page.getByTestId('quiet-mode-notice')).toHaveText(
    'Quiet mode: only the teacher can post right now.',
  );
  const composer = student.page.getByRole('textbox', { name: /^Message / });
  await composer.fill('Can we have a break?');
  await composer.press('Enter');
  await expect(student.page.getByTestId('message-failed')).toContainText(
    `Not sent. ${QUIET_REASON}`,
  );
  await screens(student.page, 'chat-quiet-student');
  const history = await hub.call('chatHistory', {
    token: milo.token,
    params: { room: `session:${sessionId}` },
    query: { limit: 10 },
  });
  expect(history.body.items).toEqual([]);

  // The teacher pins a message; the student's chat shows it at once.
  await hub.call('sendMessage', {
    token: grace.token,
    params: { room: `session:${sessionId}` },
    body: { clientId: 'pin-me-please-1', text: 'Read chapter 4 before Friday' },
  });
  await teacher.page.getByRole('button', { name: 'Pin a recent message' }).click();
  await teacher.page.getByRole('button', { name: 'Pin Grace’s message' }).click();
  await expect(student.page.getByTestId('pinned-message')).toHaveText(
    'Read chapter 4 before Friday',
  );
  await screens(student.page, 'chat-pinned-student');

  expect(teacher.uncaught, 'uncaught errors on the teacher’s page').toEqual([]);
  expect(student.uncaught, 'uncaught errors on the student’s page').toEqual([]);
});
