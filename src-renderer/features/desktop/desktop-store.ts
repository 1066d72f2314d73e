import type {
  DownloadJob,
  HostedHubStatus,
  KnownHub,
  LibraryItem,
  LibraryUsage,
  OutboxItem,
} from '../../../src-shared/bridge';
import { createStore } from '../../app/createStore';
import { desktopBridge } from '../../desktop';

export interface DesktopState {
  hosting: HostedHubStatus | undefined;
  hubs: readonly KnownHub[];
  /** Every job main reports, newest last; the pages pick what to show. */
  downloads: readonly DownloadJob[];
  library: readonly LibraryItem[];
  usage: LibraryUsage | undefined;
  outbox: readonly OutboxItem[];
  /** The first full read of the bridge has answered. */
  loaded: boolean;
  loadError: unknown;
}

const initial: DesktopState = {
  hosting: undefined,
  hubs: [],
  downloads: [],
  library: [],
  usage: undefined,
  outbox: [],
  loaded: false,
  loadError: undefined,
};

/**
 * What the desktop app's main process knows (hosted hub, known hubs,
 * downloads, library, outbox), mirrored here and kept current by the
 * bridge's push events. Empty in a plain browser.
 */
export const desktopStore = createStore<DesktopState>(initial);

let watching = false;

/** Starts mirroring the bridge, once per window: pages call it on mount. */
export function watchDesktop(): void {
  const bridge = desktopBridge();
  if (!bridge || watching) return;
  watching = true;
  bridge.hosting.onStatus((hosting) => desktopStore.set({ hosting }));
  bridge.hubs.onChanged((hubs) => desktopStore.set({ hubs }));
  bridge.outbox.onChanged((outbox) => desktopStore.set({ outbox }));
  bridge.downloads.onChanged((job) => {
    desktopStore.set((s) => ({ downloads: upsertJob(s.downloads, job) }));
    // A finished download is a new library item and more disk used.
    if (job.state === 'done') void refreshLibrary();
  });
  void refreshDesktop();
}

/** Reads everything again (also the retry after a failed first read). */
export async function refreshDesktop(): Promise<void> {
  const bridge = desktopBridge();
  if (!bridge) return;
  try {
    const [hosting, hubs, downloads, outbox] = await Promise.all([
      bridge.hosting.status(),
      bridge.hubs.known(),
      bridge.downloads.list(),
      bridge.outbox.list(),
    ]);
    desktopStore.set({ hosting, hubs, downloads, outbox, loadError: undefined });
    await refreshLibrary();
  } catch (error) {
    desktopStore.set({ loadError: error });
  } finally {
    desktopStore.set({ loaded: true });
  }
}

export async function refreshLibrary(): Promise<void> {
  const bridge = desktopBridge();
  if (!bridge) return;
  const [library, usage] = await Promise.all([bridge.library.list(), bridge.library.usage()]);
  desktopStore.set({ library, usage });
}

export function upsertJob(jobs: readonly DownloadJob[], job: DownloadJob): DownloadJob[] {
  return jobs.some((j) => j.id === job.id)
    ? jobs.map((j) => (j.id === job.id ? job : j))
    : [...jobs, job];
}

/** The same file may be queued again after a failure: the newest job per file is the one that counts. */
export function latestJobs(jobs: readonly DownloadJob[]): DownloadJob[] {
  const byFile = new Map<string, DownloadJob>();
  for (const job of jobs) {
    const key = `${job.hubUrl}${job.path}`;
    const seen = byFile.get(key);
    if (!seen || seen.updatedAt <= job.updatedAt) byFile.set(key, job);
  }
  return [...byFile.values()];
}

/** Errors from the bridge arrive as "Error invoking remote method 'x': Error: reason"; people need the reason. */
export function bridgeErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/^Error invoking remote method '[^']*':\s*/, '')
    .replace(/^\w*Error:\s*/, '');
}
