import type { ClassHubBridge, HostedHubStatus, KnownHub } from '../../src-shared/bridge';
import type { HubBrowser } from '../discovery/hub-browser';
import { probeHub, type ProbedHub } from './probe';
import type { RecentHubs } from './recent-hubs';

export interface HubDirectoryOptions {
  readonly recent: RecentHubs;
  /** Hubs found on the network; absent when discovery is off or failed to start. */
  readonly browser?: Pick<HubBrowser, 'list' | 'onChanged'>;
  /** The hub hosted by this app, if any (the `hosting` module). */
  readonly hosting?: Pick<ClassHubBridge['hosting'], 'status' | 'onStatus'>;
  /** Checks an address; replaceable so tests can count calls. */
  readonly probe?: (url: string) => Promise<ProbedHub>;
  /** Opens the window on the hub (the IPC layer's job); called after the hub answered. */
  readonly onConnect: (url: string) => void | Promise<void>;
}

export type HubDirectory = Omit<ClassHubBridge['hubs'], 'leave'> & {
  /** Stops listening to discovery and hosting (does not close them: their owner does). */
  close(): void;
};

/** The hosted hub's entry: its first address (LAN first), so the same hub found by mDNS merges with it. */
function hostedEntry(status: HostedHubStatus | undefined): KnownHub[] {
  if (!status || status.state !== 'running' || status.urls.length === 0) return [];
  return [{ url: status.urls[0]!, name: 'Hosted on this computer', source: 'hosted' }];
}

/**
 * The start screen's list: the hub hosted here, then recent hubs newest
 * first, then hubs found on the network. One entry per address; the first
 * source wins, so a recent hub that is also announcing shows once, as recent.
 */
export function createHubDirectory(options: HubDirectoryOptions): HubDirectory {
  const { recent, browser, hosting } = options;
  const probe = options.probe ?? ((url: string) => probeHub(url));
  const listeners = new Set<(hubs: KnownHub[]) => void>();
  let hostedStatus: HostedHubStatus | undefined;
  let hostedKnown = false;

  async function known(): Promise<KnownHub[]> {
    if (hosting && !hostedKnown) {
      hostedStatus = await hosting.status();
      hostedKnown = true;
    }
    const all = [
      ...hostedEntry(hostedStatus),
      ...(await recent.list()),
      ...(browser?.list() ?? []).map((h): KnownHub => ({
        url: h.url,
        name: h.name,
        source: 'discovered',
      })),
    ];
    const seen = new Set<string>();
    return all.filter((hub) => !seen.has(hub.url) && !!seen.add(hub.url));
  }

  const announce = () => {
    if (listeners.size === 0) return;
    known().then(
      (hubs) => listeners.forEach((listener) => listener(hubs)),
      () => undefined, // the next change announces again; a listener cannot act on a read error
    );
  };
  const unsubscribe = [
    browser?.onChanged(announce),
    hosting?.onStatus((status) => {
      hostedStatus = status;
      hostedKnown = true;
      announce();
    }),
  ];

  return {
    known,
    async connect(url) {
      const hub = await probe(url);
      const discoveredName = browser?.list().find((h) => h.url === hub.url)?.name;
      await recent.remember(hub.url, discoveredName);
      announce();
      await options.onConnect(hub.url);
    },
    async forget(url) {
      await recent.forget(url);
      announce();
    },
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      for (const stop of unsubscribe) stop?.();
      listeners.clear();
    },
  };
}
