import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { Bonjour } from 'bonjour-service';
import type { Logger } from '../logger';
import { writeFileDurably } from '../storage/durable-file';

/** DNS-SD service type: browsers look for `_classhub._tcp.local`. */
export const SERVICE_TYPE = 'classhub';
const HUB_ID_FILE = 'hub-id';

export interface AdvertiseOptions {
  readonly port: number;
  readonly version: string;
  /** Stable id of this hub (kept in its data folder), so a client can tell two hubs of the same name apart. */
  readonly hubId: string;
  /** The instance name people see in "hubs on your network"; default "ClassHub on <host> (<port>)". */
  readonly name?: string;
  readonly logger: Logger;
}

export interface Advertisement {
  readonly name: string;
  /** Sends the goodbye packets (so browsers drop the hub at once) and closes the socket. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The name carries the port because two hubs on one computer (a teacher's
 * own plus a test one) would otherwise claim the same DNS-SD instance name,
 * and bonjour-service resolves that clash by silently not announcing.
 */
export function defaultServiceName(port: number): string {
  return `ClassHub on ${hostname()} (${port})`;
}

/**
 * Announces the hub on the local network with mDNS / DNS-SD. Advertising is
 * a convenience: every failure (no multicast, port 5353 refused, a firewall)
 * is logged and the hub carries on; students can still type the address.
 */
export function startAdvertising(options: AdvertiseOptions): Advertisement {
  const { logger, port } = options;
  const name = options.name ?? defaultServiceName(port);
  const onError = (error: unknown) =>
    logger.warn(
      { err: error },
      'could not advertise the hub on the local network; students can still type its address',
    );
  // Without an error callback bonjour-service throws from a socket callback, which would end the hub.
  const bonjour = new Bonjour({}, onError);
  // multicast-dns emits 'error' (port 5353 refused) on its own emitter; unhandled, that would crash.
  const mdns = (bonjour as unknown as { server?: { mdns?: NodeJS.EventEmitter } }).server?.mdns;
  mdns?.on('error', onError);
  mdns?.on('warning', (error: unknown) => logger.debug({ err: error }, 'mDNS warning'));
  const service = bonjour.publish({
    name,
    type: SERVICE_TYPE,
    protocol: 'tcp',
    port,
    txt: { version: options.version, id: options.hubId },
  });
  service.on('error', onError);
  service.on('up', () => logger.info({ name, type: `_${SERVICE_TYPE}._tcp` }, 'hub advertised'));

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= new Promise<void>((done) => {
      // A goodbye that never gets sent (socket already broken) must not hold up closing the hub.
      const timer = setTimeout(finish, 1000);
      timer.unref();
      let finished = false;
      function finish() {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        try {
          bonjour.destroy(() => done());
        } catch (error) {
          onError(error);
          done();
        }
      }
      try {
        bonjour.unpublishAll(finish);
      } catch (error) {
        onError(error);
        finish();
      }
    }));
  return { name, stop };
}

/**
 * The hub's id, created on first start and kept in the data folder: it
 * follows the data (a backup restored elsewhere is the same hub), not the
 * computer.
 */
export async function readHubId(dataDir: string): Promise<string> {
  const file = join(dataDir, HUB_ID_FILE);
  const existing = (await readFile(file, 'utf8').catch(() => '')).trim();
  if (/^[A-Za-z0-9-]{8,64}$/.test(existing)) return existing;
  const id = randomUUID();
  await writeFileDurably(file, id);
  return id;
}
