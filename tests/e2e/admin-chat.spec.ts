import { expect, test } from '../support/e2e-hub';
import { axeViolations, settle } from './axe';
import { chatUrl, errorsOf, message, messages, say, signedIn, world } from './chat-helpers';

test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP forbids.

const SHOTS = 'test-results/screens';

test('the admin opens a course’s chat from the admin panel, follows it live and removes a message', async ({
  browser,
  hub,
}) => {
  test.setTimeout(90_000);
  const { student, courseRoom, sessionRoom } = await world(hub);
  await say(hub, student.token, courseRoom, 'Who has the answers to the quiz?');
  const admin = await signedIn(browser, hub, 'root', 'Ada');
  const emma = await signedIn(browser, hub, 'emma', 'Emma');
  await emma.goto(chatUrl(courseRoom));

  await admin.goto('/admin?tab=courses');
  const courses = admin.getByTestId('collection-courses');
  await courses.getByRole('button', { name: /More actions for .*Algorithms/ }).click();
  await admin.getByRole('menuitem', { name: 'Open its chat' }).click();
  await expect(admin).toHaveURL(new RegExp(`/chat/${encodeURIComponent(courseRoom)}$`));

  // Read-only for the admin, who is not one of the course's people: no composer, and why.
  await expect(message(admin, 'Who has the answers')).toBeVisible();
  await expect(admin.getByTestId('looking-in')).toHaveText(
    'You are looking in as an admin: only its people write here. You can remove messages.',
  );
  await expect(admin.getByRole('textbox', { name: /^Message / })).toHaveCount(0);
  await settle(admin);
  await admin.screenshot({ path: `${SHOTS}/chat-admin-looking-in.png` });
  expect(await axeViolations(admin)).toEqual([]);

  // A new message reaches the admin live, and the admin removes it.
  await say(hub, student.token, courseRoom, 'Answers: 1b 2c 3a');
  const answers = message(admin, 'Answers: 1b');
  await expect(answers).toBeVisible();
  await answers.hover();
  await answers.getByRole('button', { name: 'Message actions' }).click();
  await admin.getByRole('menuitem', { name: 'Remove' }).click();
  await admin
    .getByRole('dialog', { name: 'Remove this message?' })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(messages(emma).getByText('This message was removed by a moderator.')).toBeVisible();
  await expect(messages(emma)).not.toContainText('1b 2c 3a');
  await expect(messages(admin).getByText('This message was removed by a moderator.')).toBeVisible();
  for (const page of [admin, emma]) await page.setViewportSize({ width: 390, height: 844 });
  for (const [page, name] of [
    [admin, 'chat-admin-looking-in-phone'],
    [emma, 'chat-removed-by-moderator-phone'],
  ] as const) {
    await settle(page);
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
  }
  await admin.setViewportSize({ width: 1280, height: 800 });

  // A session's chat opens the same way from the Sessions tab, and follows it live too.
  await admin.goto('/admin?tab=sessions');
  await admin
    .getByTestId('collection-sessions')
    .getByRole('button', { name: /More actions for .*Study group/ })
    .click();
  await admin.getByRole('menuitem', { name: 'Open its chat' }).click();
  await expect(admin).toHaveURL(new RegExp(`/chat/${encodeURIComponent(sessionRoom)}$`));
  await expect(admin.getByTestId('looking-in')).toBeVisible();
  await expect(messages(admin)).toContainText('No messages in Study group yet');
  await say(hub, student.token, sessionRoom, 'See you at the library');
  await expect(message(admin, 'See you at the library')).toBeVisible();

  for (const page of [admin, emma]) expect(errorsOf.get(page)).toEqual([]);
});

test('a student following a link to a course chat they are not in is told why', async ({
  browser,
  hub,
}) => {
  const { courseRoom } = await world(hub);
  await hub.signUp({ username: 'noah', firstName: 'Noah' });
  const noah = await signedIn(browser, hub, 'noah', 'Noah');
  await noah.goto(chatUrl(courseRoom));
  await expect(noah.getByRole('alert')).toContainText('You do not have permission to do this.');
  await expect(noah.getByTestId('looking-in')).toHaveCount(0);
});
