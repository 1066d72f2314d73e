import { randomUUID } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { TINY_PNG, upload } from '../support/files';
import { axeViolations, settle } from './axe';
import { expectSignedInHome, signInThroughUi } from './helpers';

test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

const SHOTS = 'test-results/screens';

/** A teacher's course (with a material) and session, and a student in both. */
async function world(hub: E2EHub) {
  await hub.signUp({ username: 'root', firstName: 'Ada', role: 'teacher' });
  const teacher = await hub.signUp({
    username: 'davis',
    firstName: 'Grace',
    lastName: 'Davis',
    role: 'teacher',
  });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', lastName: 'Stone' });
  const course = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Algorithms', description: 'Sorting and graphs.', capacity: 30 },
  });
  const courseId = course.body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const file = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    TINY_PNG,
    'sorting-diagram.png',
    'image/png',
    'POST',
  );
  await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId },
    body: { fileId: file.body.id, title: 'Sorting diagram' },
  });
  const session = await hub.call('createSession', {
    token: teacher.token,
    body: { title: 'Study group' },
  });
  await hub.call('joinSession', {
    token: student.token,
    body: { token: session.body.joinToken },
  });
  return {
    teacher,
    student,
    courseRoom: `course:${courseId}`,
    sessionRoom: `session:${session.body.id as string}`,
  };
}

async function say(hub: E2EHub, token: string, room: string, text: string) {
  const reply = await hub.call('sendMessage', {
    token,
    params: { room },
    body: { clientId: randomUUID(), text },
  });
  expect(reply.status).toBe(201);
}

const errorsOf = new WeakMap<Page, string[]>();

async function signedIn(browser: Browser, hub: E2EHub, username: string, firstName: string) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  errorsOf.set(page, errors);
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  return page;
}

const chatUrl = (room: string) => `/chat/${encodeURIComponent(room)}`;
const composer = (page: Page) => page.getByRole('textbox', { name: /^Message / });
const messages = (page: Page) => page.getByRole('log');
const message = (page: Page, text: string | RegExp) =>
  messages(page).getByTestId('chat-message').filter({ hasText: text });

test('a teacher and a student chat live, both ways', async ({ browser, hub }) => {
  test.setTimeout(90_000);
  const { courseRoom } = await world(hub);
  const teacher = await signedIn(browser, hub, 'davis', 'Grace');
  const student = await signedIn(browser, hub, 'emma', 'Emma');
  await teacher.goto(chatUrl(courseRoom));
  await student.goto(chatUrl(courseRoom));
  await expect(messages(student)).toContainText('No messages in CS101 · Algorithms yet');

  // The student sees the teacher typing, then the message.
  await composer(teacher).pressSequentially('Hello class, read **chapter 2**');
  await expect(student.getByTestId('typing')).toHaveText('Grace is typing…');
  await composer(teacher).press('Enter');
  await expect(composer(teacher)).toHaveValue('');
  await expect(message(student, 'Hello class, read chapter 2')).toBeVisible();
  await expect(message(student, 'Hello class').locator('strong')).toHaveText('chapter 2');
  // "Typing" goes away once the message has arrived.
  await expect(student.getByTestId('typing')).toHaveText('');

  // Near the limit a counter shows; past it the message cannot go.
  await composer(student).fill('x'.repeat(4001));
  await expect(student.getByTestId('char-counter')).toHaveText('4001 / 4000');
  await expect(student.getByRole('button', { name: 'Send' })).toBeDisabled();
  await composer(student).fill('');
  await expect(student.getByTestId('char-counter')).toHaveCount(0);

  // Enter sends, Shift+Enter starts a new line.
  await composer(student).click();
  await composer(student).pressSequentially('Line one');
  await composer(student).press('Shift+Enter');
  await composer(student).pressSequentially('line two');
  await expect(composer(student)).toHaveValue('Line one\nline two');
  await composer(student).press('Enter');
  const twoLines = message(teacher, 'Line one');
  await expect(twoLines).toBeVisible();
  expect(await twoLines.locator('p').innerText()).toBe('Line one\nline two');

  // Editing and deleting your own message reach the other side.
  const mine = message(teacher, 'Hello class');
  await mine.hover();
  await mine.getByRole('button', { name: 'Message actions' }).click();
  await teacher.getByRole('menuitem', { name: 'Edit' }).click();
  const editor = teacher.getByRole('textbox', { name: 'Edit message' });
  await editor.fill('Hello everyone, read chapter 3');
  await editor.press('Enter');
  await expect(message(student, 'Hello everyone, read chapter 3')).toContainText('(edited)');

  const edited = message(teacher, 'Hello everyone');
  await edited.hover();
  await edited.getByRole('button', { name: 'Message actions' }).click();
  await teacher.getByRole('menuitem', { name: 'Delete' }).click();
  const dialog = teacher.getByRole('dialog', { name: 'Delete this message?' });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(messages(student).getByTestId('message-deleted')).toHaveText(
    'This message was deleted.',
  );
  await expect(messages(student)).not.toContainText('Hello everyone');
  // A student cannot edit the teacher's messages: no actions on them.
  await expect(
    message(student, 'This message was deleted').getByRole('button', { name: 'Message actions' }),
  ).toHaveCount(0);

  for (const page of [teacher, student]) expect(errorsOf.get(page)).toEqual([]);
});

test('unread counts rise for a room you are not viewing and clear when you open it', async ({
  browser,
  hub,
}) => {
  test.setTimeout(60_000);
  const { teacher: grace, courseRoom, sessionRoom } = await world(hub);
  const student = await signedIn(browser, hub, 'emma', 'Emma');
  // The course page leads to its chat.
  await student.goto(`/courses/${courseRoom.slice('course:'.length)}`);
  await expect(student.getByRole('link', { name: 'Open chat' })).toBeVisible();
  await student.screenshot({ path: `${SHOTS}/chat-entry-course.png` });
  await student.getByRole('link', { name: 'Open chat' }).click();
  await expect(student).toHaveURL(new RegExp(`${encodeURIComponent(courseRoom)}$`));
  await expect(composer(student)).toBeVisible();
  const sessionLink = student.getByRole('link', { name: /^Study group/ });
  await expect(sessionLink.getByTestId('room-unread')).toHaveCount(0);

  await say(hub, grace.token, sessionRoom, 'Meet at 5 in room B');
  await say(hub, grace.token, sessionRoom, 'Bring your notes');
  await expect(sessionLink.getByTestId('room-unread')).toHaveText('2');
  await expect(sessionLink).toHaveAccessibleName(/2 unread messages/);
  await expect(student.getByRole('link', { name: 'Chat 2 unread messages' })).toBeVisible();

  // The room on screen counts nothing: its messages are read as they arrive.
  await say(hub, grace.token, courseRoom, 'Quiz on Friday');
  await expect(message(student, 'Quiz on Friday')).toBeVisible();
  await expect(student.getByRole('link', { name: 'Chat 2 unread messages' })).toBeVisible();

  await sessionLink.click();
  await expect(message(student, 'Bring your notes')).toBeVisible();
  await expect(sessionLink.getByTestId('room-unread')).toHaveCount(0);
  await expect(student.getByTestId('chat-unread-total')).toHaveCount(0);
  // The hub agrees: a reload shows nothing unread.
  await student.reload();
  await expect(message(student, 'Bring your notes')).toBeVisible();
  await expect(student.getByTestId('room-unread')).toHaveCount(0);

  // So does the session page.
  await student.goto(`/sessions/${sessionRoom.slice('session:'.length)}`);
  await expect(student.getByRole('link', { name: 'Open chat' })).toBeVisible();
  await student.screenshot({ path: `${SHOTS}/chat-entry-session.png` });
  await student.getByRole('link', { name: 'Open chat' }).click();
  await expect(composer(student)).toHaveAccessibleName('Message Study group');
  expect(errorsOf.get(student)).toEqual([]);
});

test('a direct message from a profile, with a file, reaches the teacher live', async ({
  browser,
  hub,
}) => {
  test.setTimeout(90_000);
  await world(hub);
  const teacher = await signedIn(browser, hub, 'davis', 'Grace');
  const student = await signedIn(browser, hub, 'emma', 'Emma');
  await teacher.goto('/chat');
  await expect(teacher.getByTestId('chat-placeholder')).toBeVisible();

  await student.goto('/people/davis');
  await expect(student.getByRole('button', { name: 'Message', exact: true })).toBeVisible();
  await student.screenshot({ path: `${SHOTS}/chat-entry-profile.png` });
  await student.getByRole('button', { name: 'Message', exact: true }).click();
  await expect(student).toHaveURL(/\/chat\/dm%3A/);
  await expect(student.getByRole('textbox', { name: 'Message Grace Davis' })).toBeVisible();
  const chooser = student.waitForEvent('filechooser');
  await student.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles({ name: 'notes.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(student.getByTestId('upload-chip')).toContainText('notes.png');
  await expect(student.getByRole('button', { name: 'Remove notes.png' })).toBeVisible();
  await composer(student).fill('Can I hand in the exercise on Monday?');
  await composer(student).press('Enter');
  await expect(student.getByTestId('upload-chip')).toHaveCount(0);
  await expect(message(student, 'hand in the exercise')).toContainText('notes.png');

  // The conversation appears in the teacher's list, unread, with Emma shown online.
  const dm = teacher
    .getByRole('navigation', { name: 'Chat rooms' })
    .getByRole('link', { name: /^Emma Stone/ });
  await expect(dm).toHaveAccessibleName(/1 unread message/);
  await expect(dm).toContainText('Online');
  await dm.click();
  await expect(message(teacher, 'hand in the exercise')).toContainText('notes.png');
  await expect(dm).not.toHaveAccessibleName(/unread/);
  const download = teacher.waitForEvent('download');
  await teacher.getByRole('button', { name: 'Download notes.png' }).click();
  expect((await download).suggestedFilename()).toBe('notes.png');

  // "New message" finds the same conversation.
  await teacher.goto('/chat');
  await teacher.getByRole('button', { name: 'New message' }).click();
  await teacher.getByRole('textbox', { name: /Find a person/ }).fill('emma');
  await expect(
    teacher.getByRole('dialog').getByRole('button', { name: /Emma Stone/ }),
  ).toBeVisible();
  await teacher.screenshot({ path: `${SHOTS}/chat-desktop-new-message.png` });
  expect(await axeViolations(teacher)).toEqual([]);
  await teacher
    .getByRole('dialog')
    .getByRole('button', { name: /Emma Stone/ })
    .click();
  await expect(teacher).toHaveURL(/\/chat\/dm%3A/);
  await expect(message(teacher, 'hand in the exercise')).toBeVisible();
  await settle(teacher);
  await teacher.screenshot({ path: `${SHOTS}/chat-desktop-direct.png` });
  expect(await axeViolations(teacher)).toEqual([]);
  for (const page of [teacher, student]) expect(errorsOf.get(page)).toEqual([]);
});

test('a long history loads as you scroll up, and new messages wait behind a button', async ({
  browser,
  hub,
}) => {
  test.setTimeout(90_000);
  const { teacher: grace, courseRoom } = await world(hub);
  for (let i = 1; i <= 120; i++) await say(hub, grace.token, courseRoom, `m${i}`);
  const student = await signedIn(browser, hub, 'emma', 'Emma');
  await student.goto(chatUrl(courseRoom));
  const numbered = (n: number) => message(student, new RegExp(`\\bm${n}$`));
  await expect(numbered(120)).toBeInViewport();
  // Virtualized: only the rows near the viewport are in the page.
  expect(await messages(student).getByTestId('chat-message').count()).toBeLessThan(40);

  // Scrolling to the top loads the page before; the message that was on screen stays put.
  // (The older page is held back a moment, so "before" is measured before it lands.)
  await student.route(
    (url) => url.pathname.endsWith('/messages') && url.searchParams.has('before'),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    },
  );
  await messages(student).evaluate((el) => (el.scrollTop = 0));
  await expect(
    student.getByRole('progressbar', { name: 'Loading earlier messages' }),
  ).toBeVisible();
  await expect(numbered(71)).toBeVisible();
  const before = (await numbered(71).boundingBox())!.y;
  await expect(numbered(70)).toBeAttached();
  await student.waitForTimeout(300);
  const after = (await numbered(71).boundingBox())!.y;
  expect(Math.abs(after - before)).toBeLessThan(80);
  await expect(numbered(71)).toBeInViewport();

  // A message arriving while reading history does not pull the reader down…
  await say(hub, grace.token, courseRoom, 'fresh news');
  const jump = student.getByTestId('jump-to-latest');
  await expect(jump).toHaveText('1 new message');
  await student.screenshot({ path: `${SHOTS}/chat-desktop-jump.png` });
  await expect(numbered(71)).toBeInViewport();
  // …the button does.
  await jump.click();
  await expect(message(student, 'fresh news')).toBeInViewport();
  await expect(jump).toBeHidden();
  expect(errorsOf.get(student)).toEqual([]);
});

test('the chat page on a desktop and a phone, with an axe check', async ({ browser, hub }) => {
  test.setTimeout(90_000);
  const { teacher: grace, student: emma, courseRoom, sessionRoom } = await world(hub);
  const history = [
    [grace, 'Welcome to **Algorithms**! Slides are in the materials panel on the right.'],
    [emma, 'Thanks! Is the first exercise due on Friday?'],
    [grace, 'Yes — submit it before 18:00. Use `quicksort` for part b.'],
    [grace, 'Reference: https://en.wikipedia.org/wiki/Quicksort'],
    [emma, 'Here is my attempt:\n```\ndef sort(xs):\n    return sorted(xs)\n```'],
    [grace, 'Nice and short. _Now write it without `sorted`._'],
  ] as const;
  for (const [who, text] of history) await say(hub, who.token, courseRoom, text);
  await say(hub, grace.token, sessionRoom, 'See you at the study group.');

  const student = await signedIn(browser, hub, 'emma', 'Emma');
  await student.goto(chatUrl(courseRoom));
  await expect(message(student, 'without sorted')).toBeVisible();
  await expect(student.getByRole('complementary', { name: 'Room details' })).toContainText(
    'Sorting diagram',
  );
  await composer(student).fill('Thank you, I will try again tonight.');
  await settle(student);
  await student.screenshot({ path: `${SHOTS}/chat-desktop.png` });
  expect(await axeViolations(student)).toEqual([]);

  await student.setViewportSize({ width: 390, height: 844 });
  await settle(student);
  await expect(student.getByRole('link', { name: 'Back to rooms' })).toBeVisible();
  await student.screenshot({ path: `${SHOTS}/chat-phone-conversation.png` });
  expect(await axeViolations(student)).toEqual([]);

  await student.getByRole('link', { name: 'Back to rooms' }).click();
  await expect(student.getByRole('link', { name: /^Study group/ })).toBeVisible();
  await settle(student);
  await student.screenshot({ path: `${SHOTS}/chat-phone-rooms.png` });
  expect(await axeViolations(student)).toEqual([]);

  // The side panel opens on demand on narrow screens.
  await student.getByRole('link', { name: /^CS101 · Algorithms/ }).click();
  await student.getByRole('button', { name: 'Show room details' }).click();
  await expect(student.getByRole('dialog')).toContainText('Sorting diagram');
  await settle(student);
  await student.screenshot({ path: `${SHOTS}/chat-phone-details.png` });
  await student.keyboard.press('Escape');

  // Dark scheme on the desktop.
  await student.emulateMedia({ colorScheme: 'dark' });
  await student.setViewportSize({ width: 1280, height: 800 });
  const toDark = student.getByRole('button', { name: 'Switch to dark theme' });
  if ((await toDark.count()) > 0) await toDark.click();
  await expect(student.getByRole('button', { name: 'Switch to light theme' })).toBeVisible();
  await settle(student);
  await student.screenshot({ path: `${SHOTS}/chat-desktop-dark.png` });
  expect(await axeViolations(student)).toEqual([]);
  expect(errorsOf.get(student)).toEqual([]);
});
