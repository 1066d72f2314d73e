import type { Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { expectSignedInHome, field, fillRegistration, person, signInThroughUi } from './helpers';
import { DESKTOP, PHONE, shoot, SMALL_PHONE } from './shoot';

/**
 * A screenshot of every screen, desktop (1280×800) and phone (360×740), light
 * and dark, into test-results/screens/ — and an axe check of each (WCAG 2.1
 * A/AA, contrast included) so "looks fine" is also "reads fine".
 */

interface Screen {
  name: string;
  /** Gets the page to the screen, on a fresh hub, in a desktop window. */
  open(page: Page, hub: E2EHub): Promise<void>;
}

async function signedIn(page: Page, hub: E2EHub, role: 'student' | 'teacher') {
  await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
  const username = role === 'teacher' ? 'admin' : 'emma';
  if (role === 'student')
    await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });
  await signInThroughUi(page, username);
  await expectSignedInHome(page, role === 'teacher' ? 'Ada' : 'Emma');
}

const screens: Screen[] = [
  { name: 'welcome', open: (page) => page.goto('/').then(() => undefined) },
  {
    name: 'sign-in-errors',
    open: async (page, hub) => {
      await hub.signUp({ username: 'emma' });
      await signInThroughUi(page, 'emma', 'wrong-password');
      await expect(field(page, 'Password')).toHaveAttribute('aria-invalid', 'true');
    },
  },
  {
    name: 'register',
    open: async (page) => {
      await page.goto('/register');
      await fillRegistration(page, { ...person('ada', 'teacher'), password: 'quill12' });
    },
  },
  {
    name: 'waiting-for-approval',
    open: (page) => page.goto('/waiting-for-approval').then(() => undefined),
  },
  {
    name: 'check-your-email',
    open: (page) => page.goto('/check-your-email').then(() => undefined),
  },
  {
    name: 'verify-email-bad-link',
    open: async (page) => {
      await page.goto('/verify-email?token=not-a-real-token');
      await expect(page.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
    },
  },
  { name: 'forgot-password', open: (page) => page.goto('/forgot-password').then(() => undefined) },
  {
    name: 'reset-password-no-token',
    open: (page) => page.goto('/reset-password').then(() => undefined),
  },
  { name: 'home-teacher-admin', open: (page, hub) => signedIn(page, hub, 'teacher') },
  {
    name: 'home-teacher-with-pending-accounts',
    open: async (page, hub) => {
      const admin = await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
      await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
      await hub.signUp({ username: 'emma', firstName: 'Emma' });
      await hub.signUp({ username: 'noah_w', firstName: 'Noah', lastName: 'Whitfield-Okonkwo' });
      await signInThroughUi(page, 'admin');
      await expect(page.getByRole('region', { name: 'Waiting for approval' })).toContainText(
        '@noah_w',
      );
    },
  },
  { name: 'home-student', open: (page, hub) => signedIn(page, hub, 'student') },
  {
    name: 'profile',
    open: async (page, hub) => {
      await signedIn(page, hub, 'student');
      await page.goto('/profile');
      await expect(page.getByText('@emma').first()).toBeVisible();
    },
  },
  {
    name: 'user-menu',
    open: async (page, hub) => {
      await signedIn(page, hub, 'student');
      await page.getByTestId('user-menu').click();
      await expect(page.getByRole('menu')).toBeVisible();
    },
  },
  {
    name: 'not-found',
    open: async (page, hub) => {
      await signedIn(page, hub, 'student');
      await page.goto('/nowhere');
    },
  },
];

test.describe.configure({ mode: 'parallel' });
test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP rightly forbids.

for (const screen of screens) {
  test(`${screen.name} looks finished and passes axe`, async ({ page, hub }) => {
    await screen.open(page, hub);
    await shoot(page, screen.name, { sizes: [DESKTOP, SMALL_PHONE] });
  });
}

test('the navigation drawer looks finished and passes axe', async ({ page, hub }) => {
  await page.setViewportSize({ width: SMALL_PHONE.width, height: SMALL_PHONE.height });
  await signedIn(page, hub, 'student');
  await page.getByRole('button', { name: 'Open navigation' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await shoot(page, 'drawer', { sizes: [SMALL_PHONE], fullPage: false });
});

/**
 * Issue 14 (phone): a student's home with unread chat, unread notifications
 * and long course titles, at the width of a common phone (390×844) and on a
 * desktop. The counts must show without opening the drawer, and no badge
 * may be cut short.
 */
async function busyStudentHome(page: Page, hub: E2EHub) {
  await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
  const teacher = await hub.signUp({ username: 'davis', firstName: 'Grace', role: 'teacher' });
  const student = await hub.signUp({ username: 'emma', firstName: 'Emma' });
  for (const title of ['Introduction to Organic Chemistry and Lab Safety', 'Algorithms']) {
    const courseId = (
      await hub.call('createCourse', { token: teacher.token, body: { title, capacity: 30 } })
    ).body.id as string;
    await hub.call('enrol', { token: student.token, params: { courseId } });
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Lab report', dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    });
  }
  const room = (
    await hub.call('openDirect', { token: teacher.token, body: { userId: student.id } })
  ).body.room as string;
  for (const [i, text] of ['Hello Emma', 'See me after class'].entries())
    await hub.call('sendMessage', {
      token: teacher.token,
      params: { room },
      body: { text, clientId: `screens-dm-000${i}` },
    });
  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
}

test('a busy student home shows every count without the drawer, and no badge is cut off', async ({
  page,
  hub,
}) => {
  await busyStudentHome(page, hub);
  // Two new deadlines and two direct messages.
  const notifications = page.getByRole('button', { name: /^Notifications, 4 unread$/ });
  await expect(notifications).toBeVisible();
  await expect(page.getByTestId('chat-unread-total')).toHaveText('2');
  await expectNoLabelCutOff(page);
  await shoot(page, 'home-student-busy', { sizes: [DESKTOP] });

  await page.setViewportSize({ width: PHONE.width, height: PHONE.height });
  await expect(notifications).toBeVisible();
  await expect(
    page.getByRole('button', { name: 'Open navigation, 2 unread messages' }),
  ).toBeVisible();
  await expect(page.getByTestId('menu-unread')).toContainText('2');
  await expectNoLabelCutOff(page);
  await shoot(page, 'home-student-busy', { sizes: [PHONE] });
});

async function expectNoLabelCutOff(page: Page) {
  const enrolled = page.getByText('Enrolled', { exact: true });
  await expect(enrolled).toHaveCount(2);
  // A cut-off label is wider inside than the box that shows it ("ENR…").
  for (const label of await enrolled.all())
    expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
}
