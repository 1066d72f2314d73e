import type { Browser, Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { upload } from '../support/files';
import { axeViolations } from './axe';
import { expectSignedInHome, field, signInThroughUi } from './helpers';

/** A real (tiny) PDF: the hub checks uploads by their content. */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
const SHOTS = 'tests/e2e/screenshots';

/** Desktop 1280×800 and phone 390×844 screenshots of the page as it is now. */
async function snap(page: Page, name: string, fullPage = true) {
  for (const [size, width, height] of [
    ['desktop', 1280, 800],
    ['phone', 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    // Let the shell settle into the new width (the navigation collapses with a transition).
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SHOTS}/sessions-${name}-${size}.png`, fullPage });
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function signedInPage(browser: Browser, hub: E2EHub, username: string, firstName: string) {
  const context = await browser.newContext({ baseURL: hub.url });
  const page = await context.newPage();
  const uncaught: string[] = [];
  page.on('pageerror', (error) => uncaught.push(error.message));
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
  return { page, uncaught };
}

// axe is injected as an inline script, which the hub's CSP rightly forbids.
test.use({ bypassCSP: true });

async function joinWith(page: Page, token: string) {
  await field(page, 'Join token').fill(token);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
}

test('host and member: token, live posts with files, permissions, comments, a block', async ({
  page: host,
  browser,
  hub,
}) => {
  test.setTimeout(120_000);
  await hub.signUp({ username: 'root', role: 'teacher' });
  const hana = await hub.signUp({ username: 'hana', firstName: 'Hana', role: 'teacher' });
  await hub.signUp({ username: 'milo', firstName: 'Milo', role: 'student' });

  // The host creates a session and reads its token.
  await signInThroughUi(host, 'hana');
  await expectSignedInHome(host, 'Hana');
  await host.getByRole('link', { name: 'Sessions' }).first().click();
  await expect(host.getByRole('heading', { level: 1, name: 'My sessions' })).toBeVisible();
  await expect(host.getByText('You host no sessions yet')).toBeVisible();
  await snap(host, 'list-empty');
  await host.getByRole('button', { name: 'New session' }).click();
  await field(host, 'Title').fill('Graph study group');
  await host.getByRole('textbox', { name: 'Description' }).fill('Dijkstra, BFS and friends.');
  await host.getByRole('button', { name: 'Create session' }).click();
  await expect(host.getByRole('heading', { level: 1, name: 'Graph study group' })).toBeVisible();
  const token = (await host.getByTestId('join-token').textContent()) ?? '';
  expect(token).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
  await expect(host.getByText('No posts yet')).toBeVisible();

  // The member tries a wrong token, then types the right one in lower case with spaces.
  const { page: member, uncaught } = await signedInPage(browser, hub, 'milo', 'Milo');
  await member.goto('/sessions');
  await joinWith(member, 'zzz-zzz-zzz');
  await expect(member.getByText(/No session has this join token/)).toBeVisible();
  await joinWith(member, token.toLowerCase().replaceAll('-', ' '));
  await expect(member.getByRole('heading', { level: 1, name: 'Graph study group' })).toBeVisible();
  await expect(member.getByTestId('join-token')).toHaveCount(0);
  await expect(member.getByRole('button', { name: 'Leave session' })).toBeVisible();
  await expect(member.getByRole('button', { name: 'Delete session' })).toHaveCount(0);

  // Joining twice gets its own answer.
  await member.goto('/sessions');
  await joinWith(member, token);
  await expect(member.getByText('You are already in “Graph study group”.')).toBeVisible();
  await member.getByRole('link', { name: /^Graph study group/ }).click();
  await expect(member.getByRole('heading', { level: 1, name: 'Graph study group' })).toBeVisible();

  // The host sees the new member arrive without reloading.
  const miloRow = host.getByTestId('member').filter({ hasText: 'Milo Quill' });
  await expect(miloRow).toContainText('Member · Online');

  // The member posts with a file; the host sees it appear live.
  await member.getByRole('textbox', { name: 'Write a post' }).fill('My notes on BFS');
  const chooser = member.waitForEvent('filechooser');
  await member.getByRole('button', { name: 'Attach files' }).click();
  await (await chooser).setFiles({ name: 'bfs.pdf', mimeType: 'application/pdf', buffer: PDF });
  await member.getByRole('button', { name: 'Post', exact: true }).click();
  const mine = member.getByRole('article', { name: 'Post by Milo Quill' });
  await expect(mine.getByText('My notes on BFS')).toBeVisible();
  await expect(mine.getByRole('button', { name: 'Download bfs.pdf' })).toBeVisible();

  const livePost = host.getByRole('article', { name: 'Post by Milo Quill' });
  await expect(livePost.getByText('My notes on BFS')).toBeVisible();
  await expect(livePost.getByRole('button', { name: 'Download bfs.pdf' })).toBeVisible();

  // The host is offered delete but never edit, and the hub refuses an edit too.
  await livePost.getByRole('button', { name: 'Actions for the post by Milo Quill' }).click();
  await expect(host.getByRole('menuitem', { name: 'Delete post' })).toBeVisible();
  await expect(host.getByRole('menuitem', { name: 'Edit post' })).toHaveCount(0);
  await host.keyboard.press('Escape');
  const sessionId = host.url().split('/').pop()!;
  const posts = await hub.call('posts', { params: { sessionId }, token: hana.token });
  const postId = posts.body.items[0].id as string;
  const refused = await hub.call('updatePost', {
    params: { postId },
    body: { text: 'Hijacked' },
    token: hana.token,
  });
  expect(refused.status).toBe(403);

  // Comments: the host comments; the post's owner may delete it but not edit it.
  await livePost.getByRole('button', { name: 'Comment' }).click();
  await livePost.getByRole('textbox', { name: 'Write a comment' }).fill('Nice summary!');
  await livePost.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(livePost.getByTestId('comment').filter({ hasText: 'Nice summary!' })).toBeVisible();
  await expect(mine.getByRole('button', { name: '1 comment' })).toBeVisible();
  await mine.getByRole('button', { name: '1 comment' }).click();
  const hostComment = mine.getByTestId('comment').filter({ hasText: 'Nice summary!' });
  await expect(hostComment.getByRole('button', { name: /^Delete comment by Hana/ })).toBeVisible();
  await expect(hostComment.getByRole('button', { name: 'Edit your comment' })).toHaveCount(0);
  // …and edits their own.
  await mine.getByRole('textbox', { name: 'Write a comment' }).fill('Thanks');
  await mine.getByRole('button', { name: 'Comment', exact: true }).click();
  const own = mine.getByTestId('comment').filter({ hasText: 'Thanks' });
  await own.getByRole('button', { name: 'Edit your comment' }).click();
  await mine.getByRole('textbox', { name: 'Edit your comment' }).fill('Thanks, Hana');
  await mine.getByRole('button', { name: 'Save' }).click();
  await expect(livePost.getByTestId('comment').filter({ hasText: 'Thanks, Hana' })).toBeVisible();
  await snap(host, 'host');
  await snap(member, 'member');
  expect(await axeViolations(host)).toEqual([]);

  // Search narrows the feed.
  await host.getByRole('searchbox', { name: 'Search posts' }).fill('dijkstra');
  await expect(host.getByText('No posts match')).toBeVisible();
  await host.getByRole('button', { name: 'Clear filters' }).click();
  await expect(livePost).toBeVisible();

  // The host deletes the member's post; it disappears for the member at once.
  await livePost.getByRole('button', { name: 'Actions for the post by Milo Quill' }).click();
  await host.getByRole('menuitem', { name: 'Delete post' }).click();
  await host.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(livePost).toHaveCount(0);
  await expect(mine).toHaveCount(0);

  // The host blocks the member: the member's page loses access live.
  await host.getByRole('button', { name: 'Actions for Milo Quill' }).click();
  await host.getByRole('menuitem', { name: 'Block' }).click();
  await expect(host.getByRole('dialog')).toContainText('cannot rejoin until unblocked');
  await host.getByRole('dialog').getByRole('button', { name: 'Block' }).click();
  await expect(member.getByRole('heading', { name: 'You no longer have access' })).toBeVisible();
  await expect(member.getByTestId('access-lost')).toHaveText(/blocked you/);
  await expect(host.getByTestId('member').filter({ hasText: 'Blocked' })).toBeVisible();
  await snap(member, 'access-lost');

  // Joining again is refused with its own answer.
  await member.getByRole('link', { name: 'Back to my sessions' }).click();
  await joinWith(member, token);
  await expect(member.getByText('The host has blocked you from this session.')).toBeVisible();
  await snap(member, 'list-member');
  await host.goto('/sessions');
  await expect(host.getByRole('link', { name: /^Graph study group/ })).toBeVisible();
  await snap(host, 'list-host');
  // The host edits the session, then deletes it after a clear warning.
  await host.getByRole('link', { name: /^Graph study group/ }).click();
  await host.getByRole('button', { name: 'Edit session' }).click();
  await field(host, 'Title').fill('Graphs, week 2');
  await host.getByRole('button', { name: 'Save' }).click();
  await expect(host.getByRole('heading', { level: 1, name: 'Graphs, week 2' })).toBeVisible();
  await host.getByRole('button', { name: 'Delete session' }).click();
  const confirm = host.getByRole('dialog', { name: 'Delete “Graphs, week 2”?' });
  await expect(confirm).toContainText('posts, comments and files go with it');
  await snap(host, 'delete-dialog', false);
  await confirm.getByRole('button', { name: 'Delete session' }).click();
  await expect(host).toHaveURL(/\/sessions$/);
  await expect(host.getByText('You host no sessions yet')).toBeVisible();
  await expect(host.getByText('You no longer have access')).toHaveCount(0);
  await host.goto('/home');
  await expect(host.getByTestId('sessions-card')).toContainText('No sessions yet');
  await snap(host, 'home-card');
  expect(uncaught, 'uncaught errors in the member page').toEqual([]);
});

test.describe('as another member', () => {
  test('files of other members are locked with a reason; pages pass axe in light and dark', async ({
    page,
    hub,
  }) => {
    test.setTimeout(90_000);
    await hub.signUp({ username: 'root', role: 'teacher' });
    const hana = await hub.signUp({ username: 'hana', firstName: 'Hana', role: 'teacher' });
    const milo = await hub.signUp({ username: 'milo', firstName: 'Milo' });
    const nora = await hub.signUp({ username: 'nora', firstName: 'Nora' });
    const created = await hub.call('createSession', {
      body: { title: 'Physics lab', description: 'Pendulum week.' },
      token: hana.token,
    });
    const sessionId = created.body.id as string;
    for (const who of [milo, nora]) {
      const joined = await hub.call('joinSession', {
        body: { token: created.body.joinToken },
        token: who.token,
      });
      expect(joined.status).toBe(200);
    }
    const stored = await upload(
      `${hub.url}/api/uploads`,
      milo.token,
      'file',
      PDF,
      'pendulum.pdf',
      'application/pdf',
      'POST',
    );
    expect(stored.status).toBe(201);
    await hub.call('createPost', {
      params: { sessionId },
      body: { text: 'My measurements', fileIds: [stored.body.id] },
      token: milo.token,
    });
    await hub.call('createPost', {
      params: { sessionId },
      body: { text: 'Bring a stopwatch on Thursday.' },
      token: hana.token,
    });

    await signInThroughUi(page, 'nora');
    await expectSignedInHome(page, 'Nora');
    await page.goto(`/sessions/${sessionId}`);
    const milosPost = page.getByRole('article', { name: 'Post by Milo Quill' });
    await expect(milosPost.getByTestId('post-file')).toContainText('Locked');
    await expect(milosPost.getByRole('button', { name: 'Download pendulum.pdf' })).toHaveCount(0);
    await milosPost.getByLabel(/Only the host and the person who posted it/).focus();
    await expect(page.getByRole('tooltip')).toContainText('Only the host');
    await expect(page.getByRole('article', { name: 'Post by Hana Quill' })).toBeVisible();
    // No actions on others' posts for a plain member.
    await expect(milosPost.getByRole('button', { name: /^Actions for the post/ })).toHaveCount(0);
    await page.getByRole('button', { name: 'Filters' }).click();
    await expect(page.getByRole('textbox', { name: 'From' })).toBeVisible();
    await snap(page, 'other-member');

    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForTimeout(300);
    await snap(page, 'other-member-dark');
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/sessions');
    await expect(page.getByRole('link', { name: /^Physics lab/ })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await page.goto('/home');
    await expect(page.getByTestId('sessions-card')).toContainText('Physics lab');
    await snap(page, 'home-card-member');
    await page.goto('/sessions');
    await page.getByRole('button', { name: 'New session' }).click();
    await expect(page.getByRole('dialog', { name: 'Host a session' })).toBeVisible();
    await snap(page, 'create-dialog', false);
    expect(await axeViolations(page)).toEqual([]);

    // A long feed comes in pages of 20, newest first.
    for (let i = 1; i <= 20; i++) {
      await hub.call('createPost', {
        params: { sessionId },
        body: { text: `Reading ${i}` },
        token: milo.token,
      });
    }
    await page.goto(`/sessions/${sessionId}`);
    await expect(page.getByText('22 posts')).toBeVisible();
    await expect(page.getByRole('article')).toHaveCount(20);
    await expect(page.getByRole('article').first()).toContainText('Reading 20');
    await page.getByRole('button', { name: 'Show older posts' }).click();
    await expect(page.getByRole('article')).toHaveCount(22);
    await expect(page.getByRole('article').last()).toContainText('My measurements');
    await expect(page.getByRole('button', { name: 'Show older posts' })).toHaveCount(0);
  });
});
