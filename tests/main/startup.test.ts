import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseDeepLink } from '../../src-main/deep-links';
import {
  closeBehaviour,
  decideStartup,
  loadDesktopSettings,
  parseDesktopSettings,
  probeHub,
  saveDesktopSettings,
} from '../../src-main/startup';

const hub = 'http://192.168.1.20:4000';
const up = async () => true;
const down = async () => false;

describe('decideStartup', () => {
  it('opens the last hub when it answers', async () => {
    const settings = { lastHubUrl: hub, hostOnStartup: true };
    await expect(decideStartup({ settings, isReachable: up })).resolves.toEqual({
      kind: 'open-hub',
      hubUrl: hub,
      appPath: '/',
    });
  });

  it('hosts again when the teacher was hosting and the last hub does not answer', async () => {
    const settings = { lastHubUrl: 'http://127.0.0.1:4000', hostOnStartup: true };
    await expect(decideStartup({ settings, isReachable: down })).resolves.toEqual({
      kind: 'start-hosted-hub',
    });
  });

  it('opens the offline library when the last hub does not answer', async () => {
    const settings = { lastHubUrl: hub, hostOnStartup: false };
    await expect(decideStartup({ settings, isReachable: down })).resolves.toEqual({
      kind: 'local-shell',
      appPath: '/library',
      offline: true,
    });
  });

  it('opens the start screen the first time', async () => {
    const isReachable = vi.fn(up);
    await expect(
      decideStartup({ settings: { hostOnStartup: false }, isReachable }),
    ).resolves.toEqual({ kind: 'local-shell', appPath: '/start', offline: false });
    expect(isReachable).not.toHaveBeenCalled();
  });

  it('follows a deep link first, then a hub named on the command line, without probing', async () => {
    const deepLink = parseDeepLink('classhub://join/10.0.0.2:4000/ABCDEFGHJ')!;
    const settings = { lastHubUrl: hub, hostOnStartup: true };
    const isReachable = vi.fn(up);
    await expect(
      decideStartup({
        deepLink,
        commandLineHubUrl: 'http://127.0.0.1:4000/',
        settings,
        isReachable,
      }),
    ).resolves.toEqual({
      kind: 'open-hub',
      hubUrl: 'http://10.0.0.2:4000',
      appPath: '/sessions?join=ABCDEFGHJ',
    });
    await expect(
      decideStartup({ commandLineHubUrl: 'http://127.0.0.1:4000/', settings, isReachable }),
    ).resolves.toMatchObject({ kind: 'open-hub', hubUrl: 'http://127.0.0.1:4000/' });
    expect(isReachable).not.toHaveBeenCalled();
  });
});

describe('probeHub', () => {
  const answer = (status: number, body: unknown) =>
    vi.fn(async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

  it('asks /api/health of the hub origin and wants a ClassHub answer', async () => {
    const fetchImpl = answer(200, { status: 'ok', version: '0.1.0' });
    await expect(probeHub(`${hub}/courses/1`, fetchImpl)).resolves.toBe(true);
    expect(fetchImpl).toHaveBeenCalledWith(`${hub}/api/health`, expect.anything());
  });

  it('says no to errors, other servers, failures and non-web URLs', async () => {
    await expect(probeHub(hub, answer(500, {}))).resolves.toBe(false);
    await expect(probeHub(hub, answer(200, { hello: 'world' }))).resolves.toBe(false);
    const failing = vi.fn(async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(probeHub(hub, failing)).resolves.toBe(false);
    await expect(
      probeHub('file:///etc', answer(200, { status: 'ok', version: '1' })),
    ).resolves.toBe(false);
  });
});

describe('closeBehaviour', () => {
  it('keeps running in the tray only while hosting with the tray switch on', () => {
    expect(closeBehaviour({ state: 'running', keepRunningInTray: true }, 'win32')).toBe(
      'hide-to-tray',
    );
    expect(closeBehaviour({ state: 'running', keepRunningInTray: false }, 'win32')).toBe('quit');
    expect(closeBehaviour({ state: 'stopped', keepRunningInTray: true }, 'linux')).toBe('quit');
    expect(closeBehaviour(undefined, 'linux')).toBe('quit');
  });

  it('stays in the dock on macOS when not kept in the tray', () => {
    expect(closeBehaviour({ state: 'stopped', keepRunningInTray: false }, 'darwin')).toBe(
      'stay-in-dock',
    );
    expect(closeBehaviour({ state: 'running', keepRunningInTray: true }, 'darwin')).toBe(
      'hide-to-tray',
    );
  });
});

describe('desktop settings', () => {
  it('keeps only valid values', () => {
    expect(
      parseDesktopSettings({ lastHubUrl: 'javascript:alert(1)', hostOnStartup: 'yes' }),
    ).toEqual({
      hostOnStartup: false,
    });
    expect(parseDesktopSettings(null)).toEqual({ hostOnStartup: false });
  });

  it('round-trips through a file and survives a broken one', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'classhub-settings-'));
    const file = path.join(folder, 'desktop-settings.json');
    await saveDesktopSettings(file, { lastHubUrl: hub, hostOnStartup: true });
    await expect(loadDesktopSettings(file)).resolves.toEqual({
      lastHubUrl: hub,
      hostOnStartup: true,
    });
    await writeFile(file, 'not json');
    await expect(loadDesktopSettings(file)).resolves.toEqual({ hostOnStartup: false });
    await rm(folder, { recursive: true, force: true });
  });
});
