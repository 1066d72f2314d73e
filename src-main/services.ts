import path from 'node:path';
import type { DestinationStream } from 'pino';
import type { HostedHubStatus, NativeNotificationRequest } from '../src-shared/bridge';
import type { DesktopServices } from './desktop-services';
import { browseHubs, type HubBrowser } from './discovery/hub-browser';
import { createDownloadManager } from './downloads/download-manager';
import { createHostedHub } from './hosting/hosted-hub';
import { createHubDirectory } from './hubs/hub-directory';
import { logLine } from './logging/app-log';
import { createRecentHubs } from './hubs/recent-hubs';
import { createNotificationRouter } from './notifications/notification-router';
import { createOfflineLibrary } from './offline/library';
import { createScopedLibrary } from './offline/scoped-library';
import { createOutbox } from './outbox/outbox';
import { createScopedDownloads, createScopedOutbox } from './scoped-queues';
import { webOriginOf } from './security';
import { admitHostingStart, type ConfirmQuestion } from './deep-link-trust';
import { DesktopError } from './ipc-result';

/**
 * Builds every service behind the bridge from the modules of the subfolders,
 * each in its own folder under `<userData>/services`, and wires them to each
 * other and to the window. Electron reaches this file only through the
 * callbacks in ServicesContext, so it stays a plain module.
 */
export interface ServicesContext {
  /** `<userData>/services`. */
  folder: string;
  /** The built renderer, served by a hosted hub. */
  rendererDir: string;
  /** Opens the window on a hub page (and trusts that hub). */
  showHub(hubUrl: string, appPath?: string): void;
  /** Back to the local shell's start screen. */
  showStart(): void;
  focusWindow(): void;
  isWindowFocused(): boolean;
  /** The teacher started (true) or stopped (false) hosting: startup.ts hosts again next time. */
  onHostingChosen(hostOnStartup: boolean): void;
  /** Opens a document or media file with the system's app (offline/open-library-item.ts decides). */
  openPath(filePath: string): Promise<void>;
  /** A native yes/no question (electron-adapters.ts › confirmDialog). */
  confirm(question: ConfirmQuestion): Promise<boolean>;
  /** Shows any other file selected in its folder. */
  showItemInFolder(filePath: string): void;
  openExternal(url: string): Promise<void>;
  showNativeNotification(options: { title: string; body: string; onClick: () => void }): void;
  setBadgeCount(count: number): void;
  log?: (line: string) => void;
  /** Where the hosted hub writes its log (log-files.ts: hub.N.log); stdout when absent. */
  hubLogDestination?: DestinationStream;
}

export interface ServicesHandle {
  bridge: DesktopServices;
  /** The person connected to this hub before, or it is the hub hosted here (deep-link-trust.ts). */
  hubUsedBefore(hubUrl: string): Promise<boolean>;
  /** Adds a hub to the recent hubs (after the person agreed to open it). */
  rememberHub(hubUrl: string): Promise<void>;
  /** The last hosting status seen, for the close-to-tray decision (synchronous). */
  hostingStatus(): HostedHubStatus | undefined;
  /** Stops transfers, the hosted hub and discovery; flushes stores. */
  close(): Promise<void>;
}

/** The address the teacher's own window uses: loopback, listed last by the hosting module. */
function ownAddress(status: HostedHubStatus): string | undefined {
  return status.urls.find((url) => url.startsWith('http://127.0.0.1:')) ?? status.urls.at(-1);
}

export async function createDesktopServices(context: ServicesContext): Promise<ServicesHandle> {
  const log = context.log ?? logLine;
  const folder = (name: string) => path.join(context.folder, name);
  /** The signed-in user's token, in memory only (never written to disk). */
  let credentials: { hubUrl: string; accessToken: string } | null = null;

  const library = createOfflineLibrary({ folder: folder('library'), log });
  const downloads = createDownloadManager({
    folder: folder('downloads'),
    library,
    credentials: () => credentials,
    log,
  });
  const outbox = createOutbox({ folder: folder('outbox'), credentials: () => credentials });

  const hosted = createHostedHub({
    dataFolder: folder('hosted-hub'),
    settingsFile: folder('hosting.json'),
    hubOptions: {
      rendererDir: context.rendererDir,
      ...(context.hubLogDestination ? { logDestination: context.hubLogDestination } : {}),
    },
  });
  let lastHostingStatus: HostedHubStatus | undefined;
  const stopWatchingHosting = hosted.onStatus((status) => {
    lastHostingStatus = status;
  });
  lastHostingStatus = await hosted.status();

  // Discovery is a nicety: without multicast (some school networks) the list is just shorter.
  let browser: HubBrowser | undefined;
  try {
    browser = browseHubs({ onError: (error) => log(`hub discovery: ${String(error)}`) });
  } catch (error) {
    log(`hub discovery is off: ${String(error)}`);
  }
  const recent = createRecentHubs({ file: folder('recent-hubs.json') });
  const directory = createHubDirectory({
    recent,
    ...(browser ? { browser } : {}),
    hosting: hosted,
    onConnect: (url) => context.showHub(url),
  });

  const notifications = createNotificationRouter({
    isWindowFocused: context.isWindowFocused,
    showNative: (notification: NativeNotificationRequest, onClick) =>
      context.showNativeNotification({
        title: notification.title,
        body: notification.body,
        onClick,
      }),
    focusWindow: context.focusWindow,
    // The page learns of clicks through notifications.onOpen (bridge-events.ts), not here.
    navigate: () => {},
    setBadge: context.setBadgeCount,
  });

  const bridge: DesktopServices = {
    openExternal: context.openExternal,
    async setCredentials(next) {
      credentials = next;
      if (!next) return;
      // Signed in on a reachable hub: what waited for a token or a connection may go now.
      downloads.retryWaiting();
      outbox.flush().catch((error: unknown) => log(`outbox flush: ${String(error)}`));
    },
    hosting: {
      status: () => hosted.status(),
      async start(scope) {
        const ownPage =
          scope.kind === 'all' ||
          (lastHostingStatus?.urls ?? []).some((url) => webOriginOf(url) === scope.origin);
        if (!(await admitHostingStart(ownPage, context.confirm)))
          throw new DesktopError('FORBIDDEN', 'Hosting was not started.');
        const status = await hosted.start();
        const address = status.state === 'running' ? ownAddress(status) : undefined;
        if (address) {
          context.onHostingChosen(true);
          context.showHub(address);
        }
        return status;
      },
      async stop() {
        context.onHostingChosen(false);
        const status = await hosted.stop();
        context.showStart();
        return status;
      },
      setKeepRunningInTray: (enabled) => hosted.setKeepRunningInTray(enabled),
      onStatus: (listener) => hosted.onStatus(listener),
    },
    hubs: {
      known: () => directory.known(),
      connect: (url) => directory.connect(url),
      forget: (url) => directory.forget(url),
      async leave() {
        credentials = null;
        context.showStart();
      },
      onChanged: (listener) => directory.onChanged(listener),
    },
    downloads: createScopedDownloads(downloads),
    library: createScopedLibrary(library, {
      openPath: context.openPath,
      showItemInFolder: context.showItemInFolder,
    }),
    outbox: createScopedOutbox(outbox),
    notifications,
  };

  return {
    bridge,
    async hubUsedBefore(hubUrl) {
      const hosted = lastHostingStatus?.urls ?? [];
      if (hosted.some((url) => webOriginOf(url) === hubUrl)) return true;
      return (await recent.list()).some((hub) => webOriginOf(hub.url) === hubUrl);
    },
    async rememberHub(hubUrl) {
      await recent.remember(hubUrl);
    },
    hostingStatus: () => lastHostingStatus,
    async close() {
      stopWatchingHosting();
      directory.close();
      const results = await Promise.allSettled([
        downloads.close(),
        outbox.close(),
        hosted.close(),
        browser?.close(),
      ]);
      for (const result of results) {
        if (result.status === 'rejected') log(`shutdown: ${String(result.reason)}`);
      }
    },
  };
}
