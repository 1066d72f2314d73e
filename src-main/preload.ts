import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type {
  ClassHubBridge,
  DownloadJob,
  HostedHubStatus,
  KnownHub,
  OutboxItem,
} from '../src-shared/bridge';
import { readAppVersion, toBridgePlatform } from './bridge-arguments';
import { ipcChannels as c, ipcEventChannels as e, type IpcChannel } from './ipc-channels';
import { unwrapIpcResult } from './ipc-result';

/**
 * The only thing the page gets from the desktop app: `window.classhub`.
 * One method per channel; no ipcRenderer, no Node. This file runs in a
 * sandbox, so it is bundled to CommonJS and may import only plain modules.
 * Main checks the sender and every argument again: nothing here is trusted.
 */

/** Invokes a channel and unwraps its IpcResult; the cast names what main's handler returns. */
async function call<T>(channel: IpcChannel, ...args: unknown[]): Promise<T> {
  return unwrapIpcResult(await ipcRenderer.invoke(channel, ...args)) as T;
}

/**
 * Listens to one main → page event. The page's listener gets the payload
 * only, never the IpcRendererEvent (which would expose `sender`).
 */
function subscribe<T>(channel: string, listener: (payload: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: T) => listener(payload);
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const bridge = {
  platform: toBridgePlatform(process.platform),
  appVersion: readAppVersion(process.argv),
  openExternal: (url) => call(c.openExternal, url),
  setCredentials: (credentials) => call(c.setCredentials, credentials),

  hosting: {
    status: () => call(c.hostingStatus),
    start: () => call(c.hostingStart),
    stop: () => call(c.hostingStop),
    setKeepRunningInTray: (enabled) => call(c.hostingSetKeepRunningInTray, enabled),
    onStatus: (listener) => subscribe<HostedHubStatus>(e.hostingStatus, listener),
  },

  hubs: {
    known: () => call(c.hubsKnown),
    connect: (url) => call(c.hubsConnect, url),
    forget: (url) => call(c.hubsForget, url),
    leave: () => call(c.hubsLeave),
    onChanged: (listener) => subscribe<KnownHub[]>(e.hubsChanged, listener),
  },

  downloads: {
    list: () => call(c.downloadsList),
    enqueue: (requests) => call(c.downloadsEnqueue, requests),
    pause: (id) => call(c.downloadsPause, id),
    resume: (id) => call(c.downloadsResume, id),
    cancel: (id) => call(c.downloadsCancel, id),
    onChanged: (listener) => subscribe<DownloadJob>(e.downloadsChanged, listener),
  },

  library: {
    list: () => call(c.libraryList),
    usage: () => call(c.libraryUsage),
    open: (id) => call(c.libraryOpen, id),
    remove: (id) => call(c.libraryRemove, id),
    saveSnapshot: (key, data) => call(c.librarySaveSnapshot, key, data),
    readSnapshot: (key) => call(c.libraryReadSnapshot, key),
  },

  outbox: {
    list: () => call(c.outboxList),
    enqueue: (request) => call(c.outboxEnqueue, request),
    discard: (id) => call(c.outboxDiscard, id),
    onChanged: (listener) => subscribe<OutboxItem[]>(e.outboxChanged, listener),
  },

  notifications: {
    show: (notification) => call(c.notificationsShow, notification),
    setBadgeCount: (count) => call(c.notificationsSetBadgeCount, count),
    onOpen: (listener) => subscribe<string>(e.notificationOpen, listener),
  },
} satisfies ClassHubBridge;

contextBridge.exposeInMainWorld('classhub', bridge);
