import { expect, test } from '../support/e2e-hub';
import { expectSignedInHome, signInThroughUi } from './helpers';

test('a deep link works on reload, and a signed-out visitor returns to it after signing in', async ({
  page,
  hub,
}) => {
  await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await page.goto('/profile');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fprofile$/);
  await signInThroughUi(page, 'emma');
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { name: 'Your profile', level: 1 })).toBeVisible();

  await page.reload();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole('heading', { name: 'Your profile', level: 1 })).toBeVisible();
  await expect(page.getByText('@emma')).toBeVisible();
});

test('the chosen theme is remembered across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');

  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await page.reload();
  await expect(html).toHaveAttribute('data-mantine-color-scheme', 'light');
});

test.describe('on a phone-sized window', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the navigation is a drawer behind a burger, usable by keyboard', async ({ page, hub }) => {
    await hub.signUp({ username: 'emma', firstName: 'Emma' });
    await signInThroughUi(page, 'emma');
    await expectSignedInHome(page, 'Emma');
    await expect(page.getByRole('link', { name: 'Your profile' })).toBeHidden();

    const burger = page.getByRole('button', { name: 'Open navigation' });
    await burger.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    await expect(drawer).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(drawer).toBeHidden();
    await expect(burger).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(drawer).toBeVisible();
    const profileLink = drawer.getByRole('link', { name: 'Your profile' });
    for (
      let i = 0;
      i < 12 && !(await profileLink.evaluate((el) => el === document.activeElement));
      i++
    ) {
      await page.keyboard.press('Tab');
    }
    await expect(profileLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/profile$/);
    await expect(drawer).toBeHidden();
  });
});

test('signing out everywhere ends the sign-in and says why', async ({ page, hub }) => {
  await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Sign out everywhere' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('status').filter({ hasText: 'every device' })).toBeVisible();

  await page.goto('/home');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('a sign-in revoked elsewhere signs this window out', async ({ page, hub }) => {
  await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  await expect(page.getByTestId('connection-indicator')).toHaveAttribute('data-state', 'connected');

  const other = await hub.call('signIn', {
    body: { username: 'emma', password: 'Lantern-Orbit-42' },
  });
  await hub.call('signOutEverywhere', { token: other.body.tokens.accessToken });
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByText('You signed out on every device')).toBeVisible();
});

test('an unknown address shows a friendly page with a way back', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the start page' }).click();
  await expect(page.getByRole('heading', { name: 'Your class, in one calm place.' })).toBeVisible();
});
