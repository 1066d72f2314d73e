import { expect, test } from '../support/e2e-hub';
import {
  expectSignedInHome,
  field,
  GOOD_PASSWORD,
  person,
  registerThroughUi,
  signInThroughUi,
} from './helpers';
import { gradientPng } from './png';

test.describe('on a hub that approves new accounts', () => {
  test.use({ verification: 'approval' });

  test('the admin approves a waiting student in the admin panel, and the student signs in', async ({
    page,
    hub,
  }) => {
    await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
    await registerThroughUi(page, person('emma'));
    await expect(page).toHaveURL(/\/waiting-for-approval$/);

    await signInThroughUi(page, 'admin');
    await expectSignedInHome(page, 'Ada');
    await page.getByRole('link', { name: 'Admin' }).click();
    const pending = page.getByTestId('collection-pending');
    await expect(pending).toContainText('@emma');
    await pending.getByRole('button', { name: 'Approve: Emma Quill' }).click();
    await expect(pending).toContainText('No one is waiting');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out', exact: true }).click();
    await signInThroughUi(page, 'emma');
    await expectSignedInHome(page, 'Emma');
  });
});

test('a student edits their profile and uploads a cropped picture', async ({ page, hub }) => {
  await hub.signUp({ username: 'admin', role: 'teacher' });
  await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  await page.getByRole('link', { name: 'Your profile' }).first().click();

  await page.getByRole('button', { name: 'Edit' }).click();
  await field(page, 'Bio').fill('Loves maths and the school choir.');
  await field(page, 'Student id').fill('S-2041');
  await page.getByRole('button', { name: 'Save changes' }).click();
  const identity = page.getByTestId('identity-card');
  await expect(identity).toContainText('Loves maths and the school choir.');
  await expect(page.getByText('S-2041')).toBeVisible();

  await page.locator('input[type="file"]').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: gradientPng(96, 64),
  });
  const dialog = page.getByRole('dialog', { name: 'Crop your picture' });
  await expect(dialog.getByTestId('avatar-crop-preview')).toBeVisible();
  await dialog.getByRole('slider', { name: 'Zoom' }).press('ArrowRight');
  await dialog.getByRole('button', { name: 'Use this picture' }).click();
  await expect(dialog).toBeHidden();
  await expect(identity.locator('img')).toHaveAttribute('src', /avatar\?k=[\w-]+&v=(?!initials)/);
  const avatar = await page.request.get((await identity.locator('img').getAttribute('src')) ?? '');
  expect(avatar.headers()['content-type']).toMatch(/image\/png/);

  await identity.getByRole('button', { name: 'Remove' }).click();
  await expect(identity.getByRole('button', { name: 'Remove' })).toBeHidden();
});

test('a wrong current password is shown on its field when changing the password', async ({
  page,
  hub,
}) => {
  await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  await page.goto('/profile');
  const current = page.getByLabel('Current password');
  await current.fill('not-my-password');
  await page.getByLabel(/^New password/).fill('emma');
  await expect(
    page.getByTestId('password-checklist').locator('[data-rule="length"]'),
  ).toHaveAttribute('data-state', 'unmet');
  await page.getByLabel(/^New password/).fill('Quiet-Harbour-77');
  await page.getByLabel(/^Repeat the new password/).fill('Quiet-Harbour-77');
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(current).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Your current password is not right.')).toBeVisible();

  await current.fill(GOOD_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password was changed.')).toBeVisible();
});

test('a status update is posted, shown on the profile to others, and deleted by its author', async ({
  page,
  hub,
}) => {
  await hub.signUp({ username: 'admin', role: 'teacher' });
  const noah = await hub.signUp({ username: 'noah', firstName: 'Noah' });
  await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await hub.call('postStatusUpdate', { token: noah.token, body: { text: 'Revising for Friday.' } });

  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  await page.goto('/profile');
  const composer = page.getByLabel('Share a status update');
  await composer.fill('x'.repeat(501));
  await expect(page.getByText('501 / 500')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Post' })).toBeDisabled();
  await composer.fill('Finished the poster for the science fair!');
  await page.getByRole('button', { name: 'Post' }).click();
  const list = page.getByTestId('status-updates');
  await expect(list.getByRole('listitem').first()).toContainText('science fair');

  await page.goto('/people/noah');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noah Quill');
  await expect(page.getByTestId('status-updates')).toContainText('Revising for Friday.');
  await expect(page.getByRole('button', { name: 'Delete this status update' })).toHaveCount(0);

  await page.goto('/profile');
  await list.getByRole('button', { name: 'Delete this status update' }).click();
  await expect(list).toContainText('No status updates yet');
});

test('people are found as you type, filtered by role, without emails for students', async ({
  page,
  hub,
}) => {
  await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
  await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await hub.signUp({ username: 'emmett', firstName: 'Emmett', lastName: 'Brown' });
  await hub.signUp({
    username: 'prof_davis',
    firstName: 'Dana',
    lastName: 'Davis',
    role: 'teacher',
  });

  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  await page.getByRole('link', { name: 'People' }).click();
  const results = page.getByTestId('people-results');
  await expect(results.getByRole('listitem')).toHaveCount(4);
  await expect(results).not.toContainText('@school.test');

  await page.getByRole('searchbox', { name: 'Search people' }).fill('emmet');
  await expect(results.getByRole('listitem')).toHaveCount(1);
  await expect(results).toContainText('Emmett Brown');

  await page.getByRole('searchbox', { name: 'Search people' }).fill('');
  await page.getByText('Teachers', { exact: true }).click();
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await results.getByRole('link', { name: /Dana Davis/ }).click();
  await expect(page).toHaveURL(/\/people\/prof_davis$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dana Davis');
});

test('the admin edits a user, makes a reset link and deletes an account', async ({ page, hub }) => {
  await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
  await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await hub.signUp({ username: 'noah', firstName: 'Noah' });

  await signInThroughUi(page, 'admin');
  await expectSignedInHome(page, 'Ada');
  await page.goto('/admin?tab=users');
  const users = page.getByTestId('collection-users');
  await expect(users.getByRole('row')).toHaveCount(4);
  await users.getByRole('searchbox', { name: 'Search' }).fill('emma');
  await expect(users.getByRole('row')).toHaveCount(2);

  await users.getByRole('button', { name: 'More actions for Emma Quill' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Emma Quill' });
  await edit.getByRole('textbox', { name: /^Last name/ }).fill('Stone');
  await edit.getByRole('combobox', { name: 'Role' }).click();
  await page.getByRole('option', { name: 'Teacher' }).click();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(users).toContainText('Emma Stone');
  await expect(users.getByRole('row', { name: /Emma Stone/ })).toContainText('Teacher');

  await users.getByRole('button', { name: 'More actions for Emma Stone' }).click();
  await page.getByRole('menuitem', { name: 'Make a password reset link' }).click();
  const reset = page.getByRole('dialog', { name: /Password reset link/ });
  await reset.getByRole('button', { name: 'Make the link' }).click();
  await expect(reset.getByTestId('reset-link')).toContainText('/reset-password?token=');
  await expect(reset.getByRole('button', { name: 'Copy the link' })).toBeVisible();
  await reset.getByRole('button', { name: 'Done' }).click();

  await users.getByRole('searchbox', { name: 'Search' }).fill('noah');
  await users.getByRole('button', { name: 'More actions for Noah Quill' }).click();
  await page.getByRole('menuitem', { name: 'Delete account' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete account' });
  await expect(confirm).toContainText('Noah Quill');
  await confirm.getByRole('button', { name: 'Delete account' }).click();
  await expect(users).toContainText('No accounts match');
});

test('hub settings are changed in the admin panel', async ({ page, hub }) => {
  await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
  await signInThroughUi(page, 'admin');
  await expectSignedInHome(page, 'Ada');
  await page.goto('/admin?tab=settings');
  await page.getByRole('radio', { name: 'After approval' }).check();
  await page.getByRole('textbox', { name: 'Largest upload' }).fill('120');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  const settings = await hub.call('settings', {
    token: (await hub.call('signIn', { body: { username: 'admin', password: GOOD_PASSWORD } })).body
      .tokens.accessToken,
  });
  expect(settings.body).toMatchObject({
    verification: 'approval',
    uploadLimitBytes: 120 * 1024 * 1024,
  });
});

test('students see no admin entry and are sent home from /admin', async ({ page, hub }) => {
  await hub.signUp({ username: 'admin', role: 'teacher' });
  await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await signInThroughUi(page, 'emma');
  await expectSignedInHome(page, 'Emma');
  await expect(page.getByRole('link', { name: 'Admin' })).toHaveCount(0);
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/home$/);
  await expect(page.getByRole('alert')).toContainText('The admin panel is for hub admins');
});
