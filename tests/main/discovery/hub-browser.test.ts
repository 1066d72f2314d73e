import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addressOf,
  browseHubs,
  hubFromSighting,
  type HubBrowser,
} from '../../../src-main/discovery/hub-browser';
import { HUB_VERSION } from '../../../src-server/version';
import { startHub, type TestHub } from '../../support/start-hub';

describe('reading an announcement', () => {
  it('prefers the IPv4 address the announcement came from, then any routable IPv4', () => {
    const base = { name: 'ClassHub on lab (4000)', port: 4000 };
    expect(
      addressOf({
        ...base,
        addresses: ['172.17.0.1', '192.168.1.20', 'fd00::2'],
        referer: { address: '192.168.1.20' },
      }),
    ).toBe('192.168.1.20');
    expect(
      addressOf({
        ...base,
        addresses: ['fe80::1', '169.254.3.4', '10.0.0.5'],
        referer: { address: 'fe80::1' },
      }),
    ).toBe('10.0.0.5');
    expect(addressOf({ ...base, addresses: ['fe80::1', 'fd00::2'] })).toBe('[fd00::2]');
    expect(addressOf({ ...base, addresses: ['fe80::1'] })).toBeUndefined();
  });

  it('makes a hub with its name, id and version, or nothing when it has no usable address', () => {
    expect(
      hubFromSighting({
        name: 'ClassHub on lab (4000)',
        port: 4000,
        addresses: ['10.0.0.5'],
        txt: { id: 'hub-123456', version: '1.2.0' },
      }),
    ).toEqual({
      url: 'http://10.0.0.5:4000',
      name: 'ClassHub on lab (4000)',
      source: 'discovered',
      hubId: 'hub-123456',
      version: '1.2.0',
    });
    expect(hubFromSighting({ name: 'x', port: 4000, addresses: [] })).toBeNull();
    expect(hubFromSighting({ name: 'x', port: 0, addresses: ['10.0.0.5'] })).toBeNull();
  });
});

describe('finding hubs on the local network', () => {
  let hub: TestHub | undefined;
  let browser: HubBrowser | undefined;
  afterEach(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('finds a hub that advertises itself, and sees it leave when it stops', async () => {
    hub = await startHub({ advertise: true, host: '0.0.0.0' });
    expect(hub.advertised).toBe(true);
    const ours = () => browser!.list().find((h) => h.url.endsWith(`:${hub!.port}`));
    browser = browseHubs({ refreshMs: 1000 });
    const changes = vi.fn();
    browser.onChanged(changes);
    await vi.waitFor(() => expect(ours()).toBeDefined(), { timeout: 10_000, interval: 100 });
    expect(ours()).toMatchObject({
      name: expect.stringContaining(`(${hub.port})`),
      source: 'discovered',
      version: HUB_VERSION,
      hubId: expect.stringMatching(/^[A-Za-z0-9-]{8,64}$/),
    });
    expect(changes).toHaveBeenCalled();
    // The address found is one this computer can open.
    expect((await fetch(`${ours()!.url}/api/health`)).status).toBe(200);
    await hub.stop();
    hub = undefined;
    await vi.waitFor(() => expect(ours()).toBeUndefined(), { timeout: 10_000, interval: 100 });
  });
});
