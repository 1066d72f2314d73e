/**
 * Every IPC channel between the preload bridge and the main process, named
 * once. Names read `domain:verb`, like the socket events of the hub.
 * Plain module: the sandboxed preload bundle imports it.
 */

/** Renderer → main: invoke/handle; the renderer asks, main answers with an IpcResult. */
export const ipcChannels = {
  /** Open an http(s) link in the system browser. Args: [url]. */
  openExternal: 'shell:open-external',
  /** Args: [{ hubUrl, accessToken } | null]. */
  setCredentials: 'credentials:set',

  hostingStatus: 'hosting:status',
  hostingStart: 'hosting:start',
  hostingStop: 'hosting:stop',
  /** Args: [enabled]. */
  hostingSetKeepRunningInTray: 'hosting:set-keep-running-in-tray',

  hubsKnown: 'hubs:known',
  /** Args: [hubUrl]. */
  hubsConnect: 'hubs:connect',
  /** Args: [hubUrl]. */
  hubsForget: 'hubs:forget',
  hubsLeave: 'hubs:leave',

  downloadsList: 'downloads:list',
  /** Args: [DownloadRequest[]]. */
  downloadsEnqueue: 'downloads:enqueue',
  /** Args: [jobId] for the next three. */
  downloadsPause: 'downloads:pause',
  downloadsResume: 'downloads:resume',
  downloadsCancel: 'downloads:cancel',

  libraryList: 'library:list',
  libraryUsage: 'library:usage',
  /** Args: [itemId] for open and remove. */
  libraryOpen: 'library:open',
  libraryRemove: 'library:remove',
  /** Args: [key, data]. */
  librarySaveSnapshot: 'library:save-snapshot',
  /** Args: [key]. */
  libraryReadSnapshot: 'library:read-snapshot',

  outboxList: 'outbox:list',
  /** Args: [OutboxRequest]. */
  outboxEnqueue: 'outbox:enqueue',
  /** Args: [itemId]. */
  outboxDiscard: 'outbox:discard',

  /** Args: [NativeNotificationRequest]. */
  notificationsShow: 'notifications:show',
  /** Args: [count]. */
  notificationsSetBadgeCount: 'notifications:set-badge-count',
} as const;

export type IpcChannel = (typeof ipcChannels)[keyof typeof ipcChannels];

/**
 * Main → renderer: `webContents.send`, one payload each. The preload turns
 * each into an `onX(listener)` that returns an unsubscribe function.
 */
export const ipcEventChannels = {
  /** Payload: HostedHubStatus. */
  hostingStatus: 'hosting:status-changed',
  /** Payload: KnownHub[]. */
  hubsChanged: 'hubs:changed',
  /** Payload: DownloadJob (the one that changed). */
  downloadsChanged: 'downloads:changed',
  /** Payload: OutboxItem[] (the whole list). */
  outboxChanged: 'outbox:changed',
  /** Payload: app path to open, e.g. /courses/<id>. */
  notificationOpen: 'notifications:open',
} as const;

export type IpcEventChannel = (typeof ipcEventChannels)[keyof typeof ipcEventChannels];
