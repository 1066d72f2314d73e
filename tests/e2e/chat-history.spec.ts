import { expect, test } from '../support/e2e-hub';
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
