import { mkdir, readFile } from 'node:fs/promises';
import { networkInterfaces } from 'node:os';
import { dirname } from 'node:path';
import type { ClassHubBridge, HostedHubStatus } from '../../src-shared/bridge';
import type { HubOptions } from '../../src-server/config';
import { createHub, type Hub } from '../../src-server/hub';
import { writeFileDurably } from '../../src-server/storage/durable-file';
import { describeHostingError, isPortTaken } from './hosting-errors';

/** Students type this one most easily, so it is tried first. */
export const PREFERRED_PORT = 4000;

export interface HostedHubOptions {
  /** Inside the app's user-data folder. */
  readonly dataFolder: string;
  /** Where the tray choice is kept (JSON). */
  readonly settingsFile: string;
  /** Tried first; when taken, any free port. */
  readonly port?: number;
  readonly startHub?: (options: HubOptions) => Promise<Hub>;
  /** Extra hub options (log destination, renderer folder, bcrypt cost in tests …). */
  readonly hubOptions?: Omit<HubOptions, 'dataDir' | 'port' | 'host'>;
}

export type HostedHub = ClassHubBridge['hosting'] & {
  /** Stops the hub if running (app quit). */
  close(): Promise<void>;
};

/** Addresses for students: this computer's LAN IPv4 addresses, then loopback for the teacher. */
export function hubUrls(port: number): string[] {
  const lan = Object.values(networkInterfaces())
    .flat()
    .filter((info) => !!info && info.family === 'IPv4' && !info.internal)
    .map((info) => `http://${info!.address}:${port}`);
  return [...lan, `http://127.0.0.1:${port}`];
}

/**
 * The hub inside the app (host mode). One hub at a time; start and stop may
 * be pressed twice without harm. Failures become a `failed` status with a
 * sentence for the teacher, never a thrown error: the start screen shows it.
 */
export function createHostedHub(options: HostedHubOptions): HostedHub {
  const startHub = options.startHub ?? createHub;
  const preferredPort = options.port ?? PREFERRED_PORT;
  const listeners = new Set<(status: HostedHubStatus) => void>();
  let hub: Hub | undefined;
  let status: HostedHubStatus = {
    state: 'stopped',
    urls: [],
    dataFolder: options.dataFolder,
    keepRunningInTray: false,
    advertised: false,
  };
  // Start, stop and the tray switch run one after another, so a stop pressed
  // during a start waits for it instead of racing it.
  const loaded = loadKeepRunning(options.settingsFile).then((keep) => {
    status = { ...status, keepRunningInTray: keep };
  });
  let queue: Promise<unknown> = loaded;

  function set(next: Partial<HostedHubStatus>): HostedHubStatus {
    status = { ...status, ...next };
    // Optional fields of a previous state must not linger (an old error on a running hub).
    if (status.state !== 'failed') delete status.error;
    if (status.state !== 'running') {
      status.urls = [];
      delete status.port;
      status.advertised = false;
    }
    const snapshot = { ...status, urls: [...status.urls] };
    for (const listener of listeners) listener(snapshot);
    return snapshot;
  }
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  }

  async function launch(): Promise<Hub> {
    const base = { ...options.hubOptions, dataDir: options.dataFolder, host: '0.0.0.0' };
    await mkdir(options.dataFolder, { recursive: true });
    try {
      return await startHub({ ...base, port: preferredPort });
    } catch (error) {
      if (!isPortTaken(error) || preferredPort === 0) throw error;
      return await startHub({ ...base, port: 0 });
    }
  }

  return {
    // Not queued: asked during a start, it answers `starting` at once.
    status: async () => {
      await loaded;
      return { ...status, urls: [...status.urls] };
    },
    start: () =>
      serially(async () => {
        if (hub) return { ...status };
        set({ state: 'starting' });
        try {
          hub = await launch();
        } catch (error) {
          return set({ state: 'failed', error: describeHostingError(error) });
        }
        return set({
          state: 'running',
          port: hub.port,
          urls: hubUrls(hub.port),
          advertised: hub.advertised,
        });
      }),
    stop: () =>
      serially(async () => {
        const running = hub;
        hub = undefined;
        await running?.close();
        return set({ state: 'stopped' });
      }),
    setKeepRunningInTray: (enabled) =>
      serially(async () => {
        await saveKeepRunning(options.settingsFile, enabled);
        return set({ keepRunningInTray: enabled });
      }),
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () =>
      serially(async () => {
        const running = hub;
        hub = undefined;
        await running?.close();
        if (running) set({ state: 'stopped' });
      }),
  };
}

async function loadKeepRunning(file: string): Promise<boolean> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { keepRunningInTray?: unknown };
    return parsed.keepRunningInTray === true;
  } catch {
    return false; // no file yet, or unreadable: the safe default is to stop with the window
  }
}

/** Other settings may share the file: change only this key. */
async function saveKeepRunning(file: string, keepRunningInTray: boolean): Promise<void> {
  let settings: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      settings = parsed as Record<string, unknown>;
  } catch {
    // no file yet, or unreadable: start afresh
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFileDurably(file, JSON.stringify({ ...settings, keepRunningInTray }, null, 2));
}
