import type { BridgeControl } from '../support/bridge-double';
import { expect, test } from '../support/e2e-hub';
import { axeViolations } from './axe';
import { bridgeCalls, withBridge } from './desktop-helpers';
import { shoot, type ShootOptions } from './shoot';

/** Light only, as the desktop window opens; the page keeps its CSP, so axe runs in the screen specs instead. */
const DESKTOP_APP: ShootOptions = { schemes: ['light'], axe: false };

test.use({ bypassCSP: true });

test('the teacher hosts a hub from the start screen and sees its address and QR code', async ({
  page,
}) => {
  await withBridge(page, {
    hosting: { advertised: true },
    startDelayMs: 1500,
    startOutcome: { urls: ['http://192.168.1.20:4000', 'http://127.0.0.1:4000'] },
  });
  await page.goto('/start');
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to ClassHub' })).toBeVisible();
  const host = page.getByRole('region', { name: 'Host a hub on this computer' });
  await expect(host.getByTestId('host-state')).toHaveText('Not running');

  await host.getByRole('button', { name: 'Start hosting' }).click();
  await expect(host.getByTestId('host-state')).toHaveText('Starting…');
  await expect(host.getByTestId('host-state')).toHaveText('Running');
  await expect(host.getByText('http://192.168.1.20:4000', { exact: true })).toBeVisible();
  await expect(
    host.getByRole('button', { name: 'Copy address http://192.168.1.20:4000' }),
  ).toBeVisible();
  const qr = host.getByRole('img', { name: 'QR code for http://192.168.1.20:4000' });
  await expect(qr).toBeVisible();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml/);
  await expect(host.getByText(/Advertised on the local network/)).toBeVisible();

  await host.getByRole('switch', { name: /Keep running in the tray/ }).click({ force: true });
  await expect(host.getByRole('switch', { name: /Keep running in the tray/ })).toBeChecked();
  expect((await bridgeCalls(page, 'hosting.setKeepRunningInTray'))[0]?.args).toEqual([true]);

  await page.mouse.move(0, 0);
  expect(await axeViolations(page)).toEqual([]);
  await shoot(page, 'desktop-start-hosting', DESKTOP_APP);

  await host.getByRole('button', { name: 'Stop hosting' }).click();
  await expect(host.getByTestId('host-state')).toHaveText('Not running');
  expect(await bridgeCalls(page, 'hosting.stop')).toHaveLength(1);
});

test('a hub that cannot start says why and offers to try again', async ({ page }) => {
  await withBridge(page, { startOutcome: { error: 'Port 4000 is used by another program.' } });
  await page.goto('/start');
  await page.getByRole('button', { name: 'Start hosting' }).click();
  await expect(page.getByTestId('host-state')).toHaveText('Could not start');
  await expect(page.getByText('Port 4000 is used by another program.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a student connects: a wrong address is explained, a hub on the network is one click', async ({
  page,
}) => {
  await withBridge(page, {
    knownHubs: [
      {
        url: 'http://10.0.0.7:4000',
        name: 'Last year’s hub',
        source: 'recent',
        lastUsedAt: '2026-06-01T10:00:00.000Z',
      },
    ],
    connectErrors: {
      'http://192.168.9.9:4000':
        'No ClassHub hub answers at http://192.168.9.9:4000. Check the address and that you are on the school network.',
    },
  });
  await page.goto('/start');
  const connect = page.getByRole('region', { name: 'Connect to a hub' });
  await connect.getByRole('textbox', { name: 'Hub address' }).fill('192.168.9.9:4000');
  await connect.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(
    connect.getByText(/^No ClassHub hub answers at http:\/\/192\.168\.9\.9:4000\. Check/),
  ).toBeVisible();
  expect((await bridgeCalls(page, 'hubs.connect'))[0]?.args).toEqual(['http://192.168.9.9:4000']);

  // A hub announces itself on the network while the screen is open.
  await page.evaluate(() =>
    (window as unknown as { __bridgeControl: BridgeControl }).__bridgeControl.setKnownHubs([
      { url: 'http://192.168.1.20:4000', name: 'Room 12', source: 'discovered' },
      {
        url: 'http://10.0.0.7:4000',
        name: 'Last year’s hub',
        source: 'recent',
        lastUsedAt: '2026-06-01T10:00:00.000Z',
      },
    ]),
  );
  const room12 = connect.getByRole('listitem').filter({ hasText: 'Room 12' });
  await expect(room12.getByText('On this network')).toBeVisible();
  await expect(
    connect.getByRole('listitem').filter({ hasText: 'Last year’s hub' }).getByText('Recent'),
  ).toBeVisible();
  await page.mouse.move(0, 0);
  expect(await axeViolations(page)).toEqual([]);
  await shoot(page, 'desktop-start-connect', DESKTOP_APP);

  await room12.getByRole('button', { name: 'Connect to Room 12' }).click();
  expect((await bridgeCalls(page, 'hubs.connect'))[1]?.args).toEqual(['http://192.168.1.20:4000']);

  await connect.getByRole('button', { name: 'Forget Last year’s hub' }).click();
  await expect(connect.getByText('Last year’s hub')).toHaveCount(0);
  expect((await bridgeCalls(page, 'hubs.forget'))[0]?.args).toEqual(['http://10.0.0.7:4000']);

  await page.getByRole('link', { name: 'Open offline library' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Offline library' })).toBeVisible();
});
