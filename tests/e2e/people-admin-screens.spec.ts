import type { Page } from '@playwright/test';
import { expect, test, type E2EHub } from '../support/e2e-hub';
import { expectSignedInHome, signInThroughUi } from './helpers';
import { gradientPng } from './png';
import { shoot } from './shoot';
import { GOOD_PASSWORD } from '../support/people';

/**
 * Screenshots of the profile, people and admin screens — desktop (1280×800)
 * and phone (390×844), light and dark — into test-results/screens/, each
 * also checked by axe (WCAG 2.1 A/AA).
 */

/** A small hub: the admin Ada, teacher Dana, students Emma (signed in by default) and Noah, some updates. */
async function populate(hub: E2EHub) {
  const admin = await hub.signUp({
    username: 'admin',
    firstName: 'Ada',
    lastName: 'Lovelace',
    role: 'teacher',
  });
  const dana = await hub.signUp({
    username: 'prof_davis',
    firstName: 'Dana',
    lastName: 'Davis',
    role: 'teacher',
  });
  const emma = await hub.signUp({ username: 'emma', firstName: 'Emma', lastName: 'Quill' });
  await hub.signUp({ username: 'noah_w', firstName: 'Noah', lastName: 'Whitfield-Okonkwo' });
  await hub.call('updateMe', {
    token: dana.token,
    body: {
      bio: 'Physics and astronomy. Office hours on Tuesdays.',
      teacher: { title: 'Dr.', department: 'Sciences', yearsOfExperience: 12 },
    },
  });
  for (const title of ['Astronomy for beginners', 'Physics of everyday things']) {
    await hub.call('createCourse', {
      token: dana.token,
      body: { title, capacity: 30, codePrefix: 'PHY' },
    });
  }
  await hub.call('postStatusUpdate', {
    token: dana.token,
    body: { text: 'Telescope night moved to Thursday — bring warm clothes!' },
  });
  await hub.call('postStatusUpdate', {
    token: emma.token,
    body: { text: 'Finished the poster for the science fair.' },
  });
  await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
  await hub.signUp({ username: 'liam', firstName: 'Liam', lastName: 'Park' });
}

async function signIn(page: Page, username: string, firstName: string) {
  await signInThroughUi(page, username);
  await expectSignedInHome(page, firstName);
}

const screens: { name: string; open(page: Page, hub: E2EHub): Promise<void> }[] = [
  {
    name: 'profile',
    open: async (page, hub) => {
      await populate(hub);
      await signIn(page, 'emma', 'Emma');
      await page.goto('/profile');
      await expect(page.getByTestId('status-updates')).toContainText('science fair');
    },
  },
  {
    name: 'profile-edit',
    open: async (page, hub) => {
      await populate(hub);
      await signIn(page, 'emma', 'Emma');
      await page.goto('/profile');
      await page.getByRole('button', { name: 'Edit' }).click();
    },
  },
  {
    name: 'avatar-crop',
    open: async (page, hub) => {
      await populate(hub);
      await signIn(page, 'emma', 'Emma');
      await page.goto('/profile');
      await page
        .locator('input[type="file"]')
        .setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: gradientPng(160, 100) });
      await expect(page.getByRole('dialog', { name: 'Crop your picture' })).toBeVisible();
    },
  },
  {
    name: 'person-profile',
    open: async (page, hub) => {
      await populate(hub);
      await signIn(page, 'emma', 'Emma');
      await page.goto('/people/prof_davis');
      await expect(page.getByTestId('status-updates')).toContainText('Telescope');
      await expect(page.getByRole('link', { name: 'Astronomy for beginners' })).toBeVisible();
    },
  },
  {
    name: 'people-search',
    open: async (page, hub) => {
      await populate(hub);
      await signIn(page, 'emma', 'Emma');
      await page.goto('/people');
      await expect(page.getByTestId('people-results').getByRole('listitem')).toHaveCount(4);
    },
  },
  {
    name: 'admin-approvals',
    open: async (page, hub) => {
      await populate(hub);
      await signIn(page, 'admin', 'Ada');
      await page.goto('/admin');
      await expect(page.getByTestId('collection-pending')).toContainText('@liam');
    },
  },
  {
    name: 'admin-users',
    open: async (page, hub) => {
      await populate(hub);
      await signIn(page, 'admin', 'Ada');
      await page.goto('/admin?tab=users');
      await expect(page.getByTestId('collection-users')).toContainText('@liam');
    },
  },
  {
    name: 'admin-edit-user',
    open: async (page, hub) => {
      await populate(hub);
      await signIn(page, 'admin', 'Ada');
      await page.goto('/admin?tab=users');
      await page.getByRole('button', { name: 'More actions for Emma Quill' }).click();
      await page.getByRole('menuitem', { name: 'Edit' }).click();
      await expect(page.getByRole('dialog', { name: 'Edit Emma Quill' })).toBeVisible();
    },
  },
  {
    name: 'admin-reset-link',
    open: async (page, hub) => {
      await populate(hub);
      await signIn(page, 'admin', 'Ada');
      await page.goto('/admin?tab=users');
      await page.getByRole('button', { name: 'More actions for Emma Quill' }).click();
      await page.getByRole('menuitem', { name: 'Make a password reset link' }).click();
      await page.getByRole('button', { name: 'Make the link' }).click();
      await expect(page.getByTestId('reset-link')).toBeVisible();
    },
  },
  {
    // Long titles are the case to look at: the title is the row's key information and shows whole.
    name: 'admin-courses',
    open: async (page, hub) => {
      await populate(hub);
      const dana = await hub.call('signIn', {
        body: { username: 'prof_davis', password: GOOD_PASSWORD },
      });
      await hub.call('createCourse', {
        token: dana.body.tokens.accessToken,
        body: {
          title: 'Introduction to observational astronomy and the history of the telescope',
          capacity: 24,
          codePrefix: 'AST',
        },
      });
      await signIn(page, 'admin', 'Ada');
      await page.goto('/admin?tab=courses');
      const long = page.getByRole('link', { name: /history of the telescope$/ });
      await expect(long).toBeVisible();
      // Whole, wrapping onto more lines, never cut to one line with an ellipsis.
      await expect(long).toHaveCSS('white-space', 'normal');
      await expect(long).toHaveCSS('text-overflow', 'clip');
    },
  },
  {
    name: 'admin-settings',
    open: async (page, hub) => {
      await populate(hub);
      await signIn(page, 'admin', 'Ada');
      await page.goto('/admin?tab=settings');
      await expect(page.getByTestId('hub-settings')).toBeVisible();
    },
  },
  {
    name: 'admin-backups',
    open: async (page, hub) => {
      await populate(hub);
      const admin = await hub.call('signIn', {
        body: { username: 'admin', password: GOOD_PASSWORD },
      });
      await fetch(`${hub.url}/api/admin/backup`, {
        headers: { authorization: `Bearer ${admin.body.tokens.accessToken}` },
      }).then((reply) => reply.arrayBuffer());
      await signIn(page, 'admin', 'Ada');
      await page.goto('/admin?tab=backups');
      await expect(page.getByTestId('last-backup')).toContainText('Last backup:');
    },
  },
];

test.describe.configure({ mode: 'parallel' });
test.use({ bypassCSP: true }); // axe is injected as an inline script, which the hub's CSP rightly forbids.

for (const screen of screens) {
  test(`${screen.name} looks finished and passes axe`, async ({ page, hub }) => {
    await screen.open(page, hub);
    await shoot(page, screen.name);
  });
}
