import type { Browser, Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { axeViolations } from './axe';
import { bridgeCalls, withBridge } from './desktop-helpers';
import { expectSignedInHome, signInThroughUi } from './helpers';

test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const QUEUED_POST = 'Saved in your outbox — it will be sent when you are back online.';
const QUEUED_MESSAGE = 'Saved in your outbox — this message will be sent when you are back online.';

/** A teacher's course and session, and a student in both, made through the API. */
async function world(hub: E2EHub) {
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma', lastName: 'Stone' });
  const course = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Algorithms', description: 'Sorting and graphs.', capacity: 30 },
  });
  const courseId = course.body.id as string;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const session = await hub.call('createSession', {
    token: teacher.token,
    body: { title: 'Study group' },
  });
  await hub.call('joinSession', { token: student.token, body: { token: session.body.joinToken } });
  return { student, room: `course:${courseId}`, sessionId: session.body.id as string };
}

async function signedIn(browser: Browser, hub: E2EHub, desktop: boolean) {
  const context = await browser.newContext({ baseURL: hub.url, bypassCSP: true });
  const page = await context.newPage();
  if (desktop) await withBridge(page);
  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  return page;
}

const composer = (page: Page) => page.getByRole('textbox', { name: /^Message / });

/** The session page, then offline: a post with a file goes to the composer. */
async function postOffline(page: Page, sessionId: string) {
  await page.goto(`/sessions/${sessionId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Study group' })).toBeVisible();
  await page.context().setOffline(true);
  await page.getByRole('textbox', { name: 'Write a post' }).fill('My notes on BFS');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles({ name: 'bfs.pdf', mimeType: 'application/pdf', buffer: PDF });
  await page.getByRole('button', { name: 'Post', exact: true }).click();
}

/** The course chat loaded while online, then offline: a message is sent with Enter. */
async function chatOffline(page: Page, room: string, text: string) {
  await page.goto(`/chat/${encodeURIComponent(room)}`);
  await expect(page.getByRole('log')).toContainText('No messages in');
  await page.context().setOffline(true);
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(composer(page)).toHaveValue('');
}

test('offline on the desktop, a post with its file and a chat message wait in the outbox', async ({
  browser,
  hub,
}) => {
  const { student, room, sessionId } = await world(hub);
  const page = await signedIn(browser, hub, true);

  await postOffline(page, sessionId);
  await expect(page.getByText(QUEUED_POST)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Write a post' })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Remove bfs.pdf' })).toHaveCount(0);
  const [post] = (await bridgeCalls(page, 'outbox.enqueue'))[0]?.args as [
    {
      kind: string;
      hubUrl: string;
      sessionId: string;
      text: string;
      files: { name: string; bytes: { byteLength: number } }[];
    },
  ];
  expect(post).toEqual({
    kind: 'post',
    hubUrl: hub.url,
    sessionId,
    text: 'My notes on BFS',
    files: [{ name: 'bfs.pdf', bytes: { byteLength: PDF.length } }],
  });
  await page.context().setOffline(false);

  await chatOffline(page, room, 'See you at 9');
  await expect(page.getByTestId('composer-notice')).toHaveText(QUEUED_MESSAGE);
  const enqueued = await bridgeCalls(page, 'outbox.enqueue');
  expect(enqueued).toHaveLength(2);
  expect(enqueued[1]?.args).toEqual([
    { kind: 'chat-message', hubUrl: hub.url, room, text: 'See you at 9' },
  ]);
  // Kept for main to send, not also sent (or left pending) by the page.
  await expect(page.getByRole('log').getByTestId('chat-message')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);
  await page.context().setOffline(false);
  const history = await hub.call('chatHistory', {
    token: student.token,
    params: { room },
    query: { limit: 10 },
  });
  expect((history.body as { items: unknown[] }).items).toEqual([]);
  const posts = await hub.call('posts', {
    token: student.token,
    params: { sessionId },
    query: { page: 1, pageSize: 10 },
  });
  expect((posts.body as { items: unknown[] }).items).toEqual([]);
});

test('offline on the desktop, a chat message with files is not queued, and says so', async ({
  browser,
  hub,
}) => {
  const { student, room } = await world(hub);
  const page = await signedIn(browser, hub, true);
  await page.goto(`/chat/${encodeURIComponent(room)}`);
  await expect(page.getByRole('log')).toContainText('No messages in');
  // Chat files upload when picked, so this one is on the hub before the connection goes.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles({ name: 'bfs.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByTestId('upload-chip')).toContainText('bfs.pdf');
  await expect(page.getByLabel(/^Uploading bfs\.pdf/)).toHaveCount(0);

  await page.context().setOffline(true);
  await composer(page).fill('Notes attached');
  await composer(page).press('Enter');
  await expect(page.getByTestId('composer-notice')).toContainText(
    'messages with files cannot wait in the outbox',
  );
  expect(await bridgeCalls(page, 'outbox.enqueue')).toEqual([]);
  const mine = page.getByRole('log').getByTestId('chat-message').filter({ hasText: 'Notes' });
  await expect(mine).toContainText('bfs.pdf');

  // The chat's own retry sends it once the connection is back, files and all.
  await page.context().setOffline(false);
  await expect
    .poll(async () => {
      const history = await hub.call('chatHistory', {
        token: student.token,
        params: { room },
        query: { limit: 10 },
      });
      return (history.body as { items: { text: string }[] }).items.map((m) => m.text);
    })
    .toEqual(['Notes attached']);
});

test('in a plain browser nothing is queued: the usual failure shows', async ({ browser, hub }) => {
  const { room, sessionId } = await world(hub);
  const page = await signedIn(browser, hub, false);
  expect(await page.evaluate(() => 'classhub' in window)).toBe(false);

  await postOffline(page, sessionId);
  await expect(page.getByText('The post was not sent')).toBeVisible();
  await expect(page.getByText(QUEUED_POST)).toHaveCount(0);
  // What was written stays, to try again.
  await expect(page.getByRole('textbox', { name: 'Write a post' })).toHaveValue('My notes on BFS');
  await page.context().setOffline(false);

  await chatOffline(page, room, 'See you at 9');
  await expect(
    page.getByRole('log').getByTestId('chat-message').filter({ hasText: 'See you at 9' }),
  ).toBeVisible();
  await expect(page.getByTestId('composer-notice')).toHaveCount(0);
  await page.context().setOffline(false);
});
