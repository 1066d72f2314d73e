import { isIPv4, isIPv6 } from 'node:net';
import { Bonjour } from 'bonjour-service';
import type { KnownHub } from '../../src-shared/bridge';

/** What this module reads of a bonjour-service `Service` (kept narrow so parsing is testable). */
export interface ServiceSighting {
  readonly name: string;
  readonly port: number;
  readonly fqdn?: string;
  readonly addresses?: readonly string[];
  readonly referer?: { readonly address: string; readonly family?: string };
  readonly txt?: unknown;
}

/** A hub seen on the network: a `KnownHub` plus what DNS-SD told us about it. */
export interface DiscoveredHub extends KnownHub {
  readonly source: 'discovered';
  readonly hubId?: string;
  readonly version?: string;
}

export interface HubBrowser {
  /** Hubs announcing themselves right now, by name. */
  list(): DiscoveredHub[];
  /** Called with the full list whenever a hub appears, changes or leaves. */
  onChanged(listener: (hubs: DiscoveredHub[]) => void): () => void;
  /** Asks the network again (a hub that started before us answers the query). */
  refresh(): void;
  close(): Promise<void>;
}

export interface BrowseOptions {
  /** How often to ask again and drop hubs whose records expired; default 10 s. */
  readonly refreshMs?: number;
  /** Told about mDNS socket problems; browsing then simply finds nothing. */
  readonly onError?: (error: unknown) => void;
}

const SERVICE_TYPE = 'classhub';

/**
 * The address to open: the one the announcement came from if it is IPv4
 * (it demonstrably reaches us), else any routable IPv4, else IPv6. Link-local
 * IPv6 is skipped — a URL cannot carry the interface it needs.
 */
export function addressOf(sighting: ServiceSighting): string | undefined {
  const addresses = sighting.addresses ?? [];
  const referer = sighting.referer?.address;
  if (referer && isIPv4(referer)) return referer;
  const ipv4 = addresses.find((a) => isIPv4(a) && !a.startsWith('169.254.'));
  if (ipv4) return ipv4;
  const ipv6 = [referer, ...addresses].find(
    (a): a is string => !!a && isIPv6(a) && !a.toLowerCase().startsWith('fe80:'),
  );
  return ipv6 ? `[${ipv6}]` : undefined;
}

/** Turns an mDNS sighting into a hub the start screen can show; null when it has no usable address. */
export function hubFromSighting(sighting: ServiceSighting): DiscoveredHub | null {
  const address = addressOf(sighting);
  if (!address || !Number.isInteger(sighting.port) || sighting.port <= 0) return null;
  const txt = (sighting.txt ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const hubId = text(txt.id);
  const version = text(txt.version);
  return {
    url: `http://${address}:${sighting.port}`,
    name: sighting.name || address,
    source: 'discovered',
    ...(hubId ? { hubId } : {}),
    ...(version ? { version } : {}),
  };
}

/**
 * Watches `_classhub._tcp` on the local network. Failures (no multicast,
 * port 5353 refused) never throw: the list just stays empty and the person
 * types an address instead.
 */
export function browseHubs(options: BrowseOptions = {}): HubBrowser {
  const onError = options.onError ?? (() => undefined);
  const bonjour = new Bonjour({}, onError);
  // multicast-dns reports a refused socket as an 'error' event; unhandled, it would end the app.
  const mdns = (bonjour as unknown as { server?: { mdns?: NodeJS.EventEmitter } }).server?.mdns;
  mdns?.on('error', onError);
  mdns?.on('warning', () => undefined);
  const browser = bonjour.find({ type: SERVICE_TYPE, protocol: 'tcp' });
  const listeners = new Set<(hubs: DiscoveredHub[]) => void>();

  const list = (): DiscoveredHub[] => {
    const byUrl = new Map<string, DiscoveredHub>();
    for (const service of browser.services) {
      const hub = hubFromSighting(service as ServiceSighting);
      if (hub && !byUrl.has(hub.url)) byUrl.set(hub.url, hub);
    }
    return [...byUrl.values()].sort((a, b) => a.name.localeCompare(b.name));
  };
  const announce = () => {
    const hubs = list();
    for (const listener of listeners) listener(hubs);
  };
  for (const event of ['up', 'down', 'srv-update', 'txt-update'] as const)
    browser.on(event, announce);

  const refresh = () => {
    try {
      browser.expire();
      browser.update();
    } catch (error) {
      onError(error);
    }
  };
  const timer = setInterval(refresh, options.refreshMs ?? 10_000);
  timer.unref();

  let closing: Promise<void> | undefined;
  return {
    list,
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    close: () =>
      (closing ??= new Promise<void>((done) => {
        clearInterval(timer);
        listeners.clear();
        browser.stop();
        try {
          bonjour.destroy(() => done());
        } catch (error) {
          onError(error);
          done();
        }
      })),
  };
}
