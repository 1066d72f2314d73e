import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DiscoveredHub } from '../../../src-main/discovery/hub-browser';
import { createHubDirectory } from '../../../src-main/hubs/hub-directory';
import { HubAddressError } from '../../../src-main/hubs/probe';
import { createRecentHubs, type RecentHubs } from '../../../src-main/hubs/recent-hubs';
import type { HostedHubStatus, KnownHub } from '../../../src-shared/bridge';

let folder: string;
let recent: RecentHubs;
let discovered: DiscoveredHub[];
let discoveryListener: ((hubs: DiscoveredHub[]) => void) | undefined;
let statusListener: ((status: HostedHubStatus) => void) | undefined;
const stopped: HostedHubStatus = {
  state: 'stopped',
  urls: [],
  dataFolder: '/data',
  keepRunningInTray: false,
  advertised: false,
};

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'classhub-directory-'));
  recent = createRecentHubs({ file: join(folder, 'recent.json') });
  discovered = [];
  discoveryListener = undefined;
  statusListener = undefined;
});
afterEach(() => rm(folder, { recursive: true, force: true }));

function directory(probe = vi.fn(async (url: string) => ({ url, version: '1.0.0' }))) {
  const onConnect = vi.fn();
  const hubs = createHubDirectory({
    recent,
    browser: {
      list: () => discovered,
      onChanged: (listener) => {
        discoveryListener = listener;
        return () => (discoveryListener = undefined);
      },
    },
    hosting: {
      status: async () => stopped,
      onStatus: (listener) => {
        statusListener = listener;
        return () => (statusListener = undefined);
      },
    },
    probe,
    onConnect,
  });
  return { hubs, probe, onConnect };
}

const found = (url: string, name: string): DiscoveredHub => ({ url, name, source: 'discovered' });

describe('the list of known hubs', () => {
  it('shows the hosted hub, then recent ones, then those found on the network, each once', async () => {
    const { hubs } = directory();
    await recent.remember('http://10.0.0.5:4000', 'Room 12');
    discovered = [
      found('http://10.0.0.5:4000', 'ClassHub on room12 (4000)'),
      found('http://10.0.0.9:4000', 'ClassHub on lab (4000)'),
      found('http://10.0.0.2:4000', 'ClassHub on me (4000)'),
    ];
    const changes: KnownHub[][] = [];
    hubs.onChanged((list) => changes.push(list));
    statusListener!({
      ...stopped,
      state: 'running',
      port: 4000,
      urls: ['http://10.0.0.2:4000', 'http://127.0.0.1:4000'],
    });
    await vi.waitFor(() => expect(changes).toHaveLength(1));
    expect(changes[0]!.map((h) => [h.url, h.source])).toEqual([
      ['http://10.0.0.2:4000', 'hosted'],
      ['http://10.0.0.5:4000', 'recent'],
      ['http://10.0.0.9:4000', 'discovered'],
    ]);
    discovered = [];
    discoveryListener!(discovered);
    await vi.waitFor(() => expect(changes).toHaveLength(2));
    expect(changes[1]!.map((h) => h.source)).toEqual(['hosted', 'recent']);
  });

  it('connects only to an address that answers, remembering it with its announced name', async () => {
    discovered = [found('http://10.0.0.9:4000', 'ClassHub on lab (4000)')];
    const { hubs, onConnect } = directory();
    await hubs.connect('http://10.0.0.9:4000');
    expect(onConnect).toHaveBeenCalledWith('http://10.0.0.9:4000');
    expect(await hubs.known()).toEqual([
      expect.objectContaining({ url: 'http://10.0.0.9:4000', name: 'ClassHub on lab (4000)' }),
    ]);
    await hubs.forget('http://10.0.0.9:4000');
    expect((await hubs.known()).map((h) => h.source)).toEqual(['discovered']);
  });

  it('neither remembers nor opens an address where no hub answers', async () => {
    const probe = vi.fn(async (url: string) => {
      throw new HubAddressError('NO_HUB', `No ClassHub hub answers at ${url}.`);
    });
    const { hubs, onConnect } = directory(probe);
    await expect(hubs.connect('10.0.0.7:4000')).rejects.toThrow('No ClassHub hub answers');
    expect(onConnect).not.toHaveBeenCalled();
    expect(await hubs.known()).toEqual([]);
  });
});
