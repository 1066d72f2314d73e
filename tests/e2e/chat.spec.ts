import { expect, test } from '../support/e2e-hub';
import { TINY_PNG } from '../support/files';
import { axeViolations, settle } from './axe';
import {
  chatUrl,
  composer,
  errorsOf,
  message,
  messages,
  say,
  signedIn,
  world,
} from './chat-helpers';

test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

const SHOTS = 'test-results/screens';

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

  // The teacher moderates the course chat: removes the student's message (no editing it).
  const students = message(teacher, 'Line one');
  await students.hover();
  await students.getByRole('button', { name: 'Message actions' }).click();
  await expect(teacher.getByRole('menuitem', { name: 'Edit' })).toHaveCount(0);
  await teacher.getByRole('menuitem', { name: 'Remove' }).click();
  const removal = teacher.getByRole('dialog', { name: 'Remove this message?' });
  await expect(removal).toContainText('Emma Stone is notified');
  await settle(teacher);
  await teacher.screenshot({ path: `${SHOTS}/chat-remove-dialog.png` });
  await removal.getByRole('button', { name: 'Remove' }).click();
  await expect(removal).toBeHidden();
  await expect(
    messages(student).getByText('This message was removed by a moderator.'),
  ).toBeVisible();
  await expect(messages(student)).not.toContainText('line two');
  await student.screenshot({ path: `${SHOTS}/chat-removed-by-moderator.png` });
  await student.getByRole('button', { name: /^Notifications/ }).click();
  await expect(
    student.getByRole('dialog', { name: 'Notifications' }).getByTestId('notification').first(),
  ).toContainText('Your message in the “CS101 · Algorithms” chat was removed');
  await settle(student);
  await student.screenshot({ path: `${SHOTS}/chat-removed-notification.png` });
  await student.keyboard.press('Escape');

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
  // The upload is held until the message is written, as on a slow school network.
  let releaseUpload = () => {};
  const uploadHeld = new Promise<void>((resolve) => (releaseUpload = resolve));
  await student.route('**/api/uploads', async (route) => {
    await uploadHeld;
    await route.continue();
  });
  const chooser = student.waitForEvent('filechooser');
  await student.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles({ name: 'notes.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(student.getByTestId('upload-chip')).toContainText('notes.png');
  await expect(student.getByRole('button', { name: 'Remove notes.png' })).toBeVisible();
  await composer(student).fill('Can I hand in the exercise on Monday?');
  // Enter while the file uploads: the message waits for it, says so, then goes with it.
  await composer(student).press('Enter');
  await expect(student.getByTestId('composer-notice')).toHaveText(
    'Sending once your files have uploaded…',
  );
  await expect(student.getByTestId('upload-chip')).toContainText('notes.png');
  releaseUpload();
  await expect(student.getByTestId('upload-chip')).toHaveCount(0);
  await expect(student.getByTestId('composer-notice')).toHaveCount(0);
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
