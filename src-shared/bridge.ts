/**
 * `window.classhub`: what the desktop app adds to the renderer. In a plain
 * browser it is absent and the renderer hides desktop-only features.
 *
 * Plain types only: the sandboxed preload and the renderer both compile
 * against this file, and src-main validates every argument with zod
 * (`src-main/ipc-validation.ts`) before any of it is trusted.
 */

/** The hub this app runs inside itself (host mode). */
export interface HostedHubStatus {
  state: 'stopped' | 'starting' | 'running' | 'failed';
  /** Addresses students can type or scan, LAN first; empty unless running. */
  urls: string[];
  port?: number;
  /** Where the hosted hub keeps its data (inside the app's user-data folder). */
  dataFolder: string;
  /** Why it failed, in words a teacher can act on (port taken, folder locked …). */
  error?: string;
  /** Closing the window keeps the hub running in the tray. */
  keepRunningInTray: boolean;
  /** The hub advertises itself on the local network (mDNS / DNS-SD). */
  advertised: boolean;
}

/** A hub the app knows of: used before, found on the network, or hosted here. */
export interface KnownHub {
  /** Origin, e.g. http://192.168.1.20:4000 */
  url: string;
  /** The hub's name as it announces itself, or the host name. */
  name: string;
  source: 'recent' | 'discovered' | 'hosted';
  /** ISO time of the last connection (recent hubs). */
  lastUsedAt?: string;
}

/** What the renderer asks the main process to download (a material or a submission file). */
export interface DownloadRequest {
  /** The hub's origin; downloads always go to the hub the window talks to. */
  hubUrl: string;
  /** Path on the hub, e.g. /api/materials/<id>/download. Must start with /api/. */
  path: string;
  /** Shown in the library. */
  title: string;
  /**
   * A label shown while the download runs. Never the saved name: main saves
   * the file under the name and type the hub states for it (its own record),
   * and the finished job and library item carry that name.
   */
  fileName: string;
  /** The hub's sha256 of the bytes: the download is refused if it does not match. */
  sha256: string;
  size: number;
  kind: 'document' | 'slides' | 'media' | 'archive' | 'other';
  source: 'material' | 'submission';
  courseId?: string;
  courseTitle?: string;
}

export type DownloadState =
  'queued' | 'downloading' | 'paused' | 'verifying' | 'done' | 'failed' | 'cancelled';

export interface DownloadJob extends DownloadRequest {
  id: string;
  state: DownloadState;
  receivedBytes: number;
  /** Set when state is failed: what went wrong and what to do. */
  error?: string;
  /** Library item once done. */
  libraryItemId?: string;
  updatedAt: string;
}

/** A file kept on this computer for offline use. */
export interface LibraryItem {
  id: string;
  hubUrl: string;
  title: string;
  /** The name it is saved under: the hub's, with the extension of the type the hub detected. */
  fileName: string;
  kind: DownloadRequest['kind'];
  source: DownloadRequest['source'];
  size: number;
  sha256: string;
  courseId?: string;
  courseTitle?: string;
  downloadedAt: string;
}

export interface LibraryUsage {
  bytes: number;
  items: number;
}

/** A file attached to an action taken offline; main keeps the bytes until it is sent. */
export interface OutboxFile {
  name: string;
  bytes: Uint8Array;
}

/** An action taken while offline, to be sent in order on reconnect. */
export type OutboxRequest =
  | { kind: 'chat-message'; hubUrl: string; room: string; text: string }
  | { kind: 'post'; hubUrl: string; sessionId: string; text: string; files: OutboxFile[] }
  | {
      kind: 'submission';
      hubUrl: string;
      deadlineId: string;
      comment: string;
      files: OutboxFile[];
    };

export interface OutboxItem {
  id: string;
  kind: OutboxRequest['kind'];
  hubUrl: string;
  /** One line for the outbox list ("Message to CS101 chat: Hello …"). */
  summary: string;
  /** sent: the hub stored it; refused: the hub said no (see error), it will not be retried. */
  state: 'waiting' | 'sending' | 'sent' | 'refused';
  error?: { code: string; message: string };
  createdAt: string;
}

export interface NativeNotificationRequest {
  title: string;
  body: string;
  /** App path to open when clicked, e.g. /courses/<id>. */
  link: string;
}

export interface ClassHubBridge {
  readonly platform: 'darwin' | 'win32' | 'linux';
  readonly appVersion: string;
  /** Opens an http(s) link in the system browser; anything else is refused. */
  openExternal(url: string): Promise<void>;

  /** Host mode: a hub inside the app. */
  readonly hosting: {
    status(): Promise<HostedHubStatus>;
    /** Starts the hub (if stopped) and opens the window on it. */
    start(): Promise<HostedHubStatus>;
    stop(): Promise<HostedHubStatus>;
    setKeepRunningInTray(enabled: boolean): Promise<HostedHubStatus>;
    onStatus(listener: (status: HostedHubStatus) => void): () => void;
  };

  /** Connect mode: hubs used before and hubs found on the local network. */
  readonly hubs: {
    known(): Promise<KnownHub[]>;
    /** Checks the address answers as a ClassHub hub, remembers it, opens the window on it. */
    connect(url: string): Promise<void>;
    forget(url: string): Promise<void>;
    /** Back to the start screen (host or connect). */
    leave(): Promise<void>;
    onChanged(listener: (hubs: KnownHub[]) => void): () => void;
  };

  /**
   * The signed-in user's access token for the current hub, kept in memory by
   * main (never on disk) for downloads and outbox replay; null on sign-out.
   */
  setCredentials(credentials: { hubUrl: string; accessToken: string } | null): Promise<void>;

  readonly downloads: {
    list(): Promise<DownloadJob[]>;
    enqueue(requests: DownloadRequest[]): Promise<DownloadJob[]>;
    pause(id: string): Promise<void>;
    resume(id: string): Promise<void>;
    cancel(id: string): Promise<void>;
    onChanged(listener: (job: DownloadJob) => void): () => void;
  };

  /** The offline library: downloaded files and last-synced copies of course pages. */
  readonly library: {
    list(): Promise<LibraryItem[]>;
    usage(): Promise<LibraryUsage>;
    /**
     * Opens a document or media file with the system's default app; any
     * other file is shown in its folder. A hub's page sees only its own
     * hub's files and snapshots; the app's local shell sees all.
     */
    open(id: string): Promise<void>;
    remove(id: string): Promise<void>;
    /** Keeps the last-synced copy of a page's data (JSON) for offline use. */
    saveSnapshot(key: string, data: unknown): Promise<void>;
    readSnapshot(key: string): Promise<{ data: unknown; savedAt: string } | null>;
  };

  /** Actions taken offline, sent in order on reconnect, each exactly once. */
  readonly outbox: {
    list(): Promise<OutboxItem[]>;
    enqueue(request: OutboxRequest): Promise<OutboxItem>;
    discard(id: string): Promise<void>;
    onChanged(listener: (items: OutboxItem[]) => void): () => void;
  };

  readonly notifications: {
    /** Shown as a native notification only while the window is not focused. */
    show(notification: NativeNotificationRequest): Promise<void>;
    setBadgeCount(count: number): Promise<void>;
    /** A native notification was clicked: open this app path. */
    onOpen(listener: (link: string) => void): () => void;
  };
}

declare global {
  interface Window {
    classhub?: ClassHubBridge;
  }
}
