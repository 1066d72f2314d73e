import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { expect, test } from '../support/e2e-hub';
import { expectSignedInHome, signInThroughUi } from './helpers';

test('the admin downloads a backup from the admin panel, and the panel then shows its time', async ({
  page,
  hub,
}) => {
  await hub.signUp({ username: 'admin', firstName: 'Ada', role: 'teacher' });
  await hub.signUp({ username: 'emma', firstName: 'Emma' });
  await signInThroughUi(page, 'admin');
  await expectSignedInHome(page, 'Ada');
  await page.goto('/admin?tab=backups');
  await expect(page.getByTestId('last-backup')).toHaveText('No backup has been made yet.');

  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download a backup' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toMatch(/^classhub-backup-.*\.tar\.gz$/);
  const tar = gunzipSync(await readFile((await download.path())!));
  expect(tar.subarray(0, 12).toString()).toBe('archive.json');
  expect(tar.toString('latin1')).toContain('"username":"emma"');

  await page.reload();
  await expect(page.getByTestId('last-backup')).toContainText('Last backup:');
  await page.screenshot({
    path: 'tests/e2e/screenshots/admin-backups-after-download.png',
    fullPage: true,
    animations: 'disabled',
  });
});
