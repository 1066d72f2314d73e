import { expect, test } from '../support/e2e-hub';
import {
  expectSignedInHome,
  field,
  fillRegistration,
  GOOD_PASSWORD,
  person,
  registerThroughUi,
  signInThroughUi,
} from './helpers';

test('the first account on a fresh hub is the admin and lands on a live dashboard', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Create an account' }).click();
  await registerThroughUi(page, person('ada', 'teacher'));

  await expectSignedInHome(page, 'Ada');
  await expect(page.getByText('Hub admin').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your courses' })).toContainText('No courses yet');
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');
});

test.describe('on a hub that approves new accounts', () => {
  test.use({ verification: 'approval' });

  test('a student who registers is told to wait for approval, also when signing in', async ({
    page,
    hub,
  }) => {
    await hub.signUp({ username: 'admin', role: 'teacher' });
    await registerThroughUi(page, person('emma'));

    await expect(page).toHaveURL(/\/waiting-for-approval$/);
    await expect(page.getByRole('heading', { name: 'Waiting for approval' })).toBeVisible();
    await expect(page.getByText('“emma”')).toBeVisible();

    await page.getByRole('link', { name: 'Back to sign in' }).click();
    await signInThroughUi(page, 'emma');
    await expect(page).toHaveURL(/\/waiting-for-approval$/);
  });

  test('a teacher approves a waiting student on the dashboard, and the student can sign in', async ({
    page,
    hub,
  }) => {
    const admin = await hub.signUp({ username: 'admin', role: 'teacher' });
    await hub.signUp({ username: 'mr_baker', firstName: 'Bea', role: 'teacher' });
    const pending = await hub.call('pendingAccounts', { token: admin.token });
    const baker = pending.body.items.find((a: { username: string }) => a.username === 'mr_baker');
    await hub.call('approveAccount', { params: { userId: baker.id }, token: admin.token });
    await hub.signUp({ username: 'emma', firstName: 'Emma', role: 'student' });

    await signInThroughUi(page, 'mr_baker');
    await expectSignedInHome(page, 'Bea');
    const waiting = page.getByRole('region', { name: 'Waiting for approval' });
    await expect(waiting).toContainText('@emma');
    await waiting.getByRole('button', { name: 'Approve Emma Quill' }).click();
    await expect(waiting).toContainText('No one is waiting');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await signInThroughUi(page, 'emma');
    await expectSignedInHome(page, 'Emma');
  });
});

test('sign-in problems are shown on the field they are about', async ({ page, hub }) => {
  await hub.signUp({ username: 'emma' });
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(field(page, 'Username or email')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Username or email')).toHaveAccessibleDescription(
    'Enter your username or email address.',
  );

  await signInThroughUi(page, 'emma', 'not-the-password');
  await expect(field(page, 'Password')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Password')).toHaveAccessibleDescription(
    'Username or password is incorrect.',
  );
  await expect(field(page, 'Username or email')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('registering shows the password rules live and puts the hub’s objections on the right field', async ({
  page,
  hub,
}) => {
  await hub.signUp({ username: 'ada' });
  await page.goto('/register');
  await fillRegistration(page, { ...person('ada'), password: '' });
  const rules = page.getByTestId('password-checklist');

  await field(page, 'Password').fill('1234');
  await expect(rules.locator('[data-rule="length"]')).toHaveAttribute('data-state', 'unmet');
  await expect(rules.locator('[data-rule="numeric"]')).toHaveAttribute('data-state', 'unmet');
  await field(page, 'Password').fill('quill1234');
  await expect(rules.locator('[data-rule="similar"]')).toContainText(
    'Too similar to your last name',
  );
  await field(page, 'Password').fill('password1');
  await expect(rules.locator('[data-state="unmet"]')).toHaveCount(0);

  // The password typed twice must match, as on CSBox's form, before anything is sent.
  await field(page, 'Confirm password').fill('password2');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(field(page, 'Confirm password')).toHaveAccessibleDescription(/not the same/);

  // The common-password list lives on the hub: its answer lands under the password field.
  await field(page, 'Confirm password').fill('password1');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(field(page, 'Password')).toHaveAccessibleDescription(/too common/);

  await field(page, 'Password').fill(GOOD_PASSWORD);
  await field(page, 'Confirm password').fill(GOOD_PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(field(page, 'Username')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page, 'Username')).toHaveAccessibleDescription(/taken/);
});

test.describe('on a hub that verifies email addresses', () => {
  test.use({ verification: 'email' });

  test('the emailed link confirms the address and the person can sign in', async ({
    page,
    hub,
  }) => {
    await hub.signUp({ username: 'admin' });
    const emma = person('emma');
    await registerThroughUi(page, emma);
    await expect(page).toHaveURL(/\/check-your-email$/);
    await expect(page.getByText(emma.email).first()).toBeVisible();

    const link = hub.logs.linkFor(emma.email);
    expect(link).toContain('/verify-email?token=');
    await page.goto(link!);
    await expect(page.getByRole('heading', { name: 'Email address confirmed' })).toBeVisible();
    await page.getByRole('link', { name: 'Sign in' }).click();
    await signInThroughUi(page, 'emma');
    await expectSignedInHome(page, 'Emma');
  });
});

test('a forgotten password is reset through the emailed link', async ({ page, hub }) => {
  const emma = await hub.signUp({ username: 'emma' });
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'Forgot your password?' }).click();
  await field(page, 'Email').fill(emma.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();

  await expect.poll(() => hub.logs.linkFor(emma.email)).toContain('/reset-password?token=');
  await page.goto(hub.logs.linkFor(emma.email)!);
  await field(page, 'New password').fill('Quiet-Harbour-77');
  await field(page, 'Repeat the new password').fill('Quiet-Harbour-77');
  await page.getByRole('button', { name: 'Save new password' }).click();
  await expect(page.getByRole('heading', { name: 'Password changed' })).toBeVisible();

  await page.getByRole('link', { name: 'Sign in' }).click();
  await signInThroughUi(page, 'emma', 'Quiet-Harbour-77');
  await expectSignedInHome(page, 'Robin');
});
