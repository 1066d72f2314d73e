import type {
  ClassHubBridge,
  DownloadJob,
  HostedHubStatus,
  KnownHub,
  LibraryItem,
  OutboxItem,
} from '../../src-shared/bridge';

/** The types of the bridge double (bridge-double.ts), kept apart: the double itself must stay one self-contained function. */

/** What the fake desktop app knows when the page opens. */
export interface BridgeDoubleSetup {
  hosting?: Partial<HostedHubStatus>;
  /** Where hosting.start() ends up after `startDelayMs` (running on these addresses by default). */
  startOutcome?: { urls: string[] } | { error: string };
  startDelayMs?: number;
  knownHubs?: KnownHub[];
  /** hubs.connect(url) throws Error(message) for these addresses. */
  connectErrors?: Record<string, string>;
  downloads?: DownloadJob[];
  library?: LibraryItem[];
  outbox?: OutboxItem[];
  snapshots?: Record<string, { data: unknown; savedAt: string }>;
}

export interface BridgeCall {
  method: string;
  args: unknown[];
}

/** `window.__bridgeControl`: how a test drives the fake main process and reads what was asked of it. */
export interface BridgeControl {
  calls(): BridgeCall[];
  setHosting(status: Partial<HostedHubStatus>): void;
  setKnownHubs(hubs: KnownHub[]): void;
  /** Merges into a job (progress, state, error) and pushes it like main does. */
  updateDownload(id: string, change: Partial<DownloadJob>): void;
  /** Whether the page has queued this job yet (enqueueing answers a moment after the click). */
  hasDownload(id: string): boolean;
  /** The job finishes: state done, a library item appears. */
  completeDownload(id: string): void;
  setOutbox(items: OutboxItem[]): void;
  /** The next call of `method` (e.g. "downloads.pause") throws Error(message). */
  failNext(method: string, message: string): void;
}

/** What the double remembers across reloads (sessionStorage). */
export interface State {
  hosting: HostedHubStatus;
  hubs: KnownHub[];
  downloads: DownloadJob[];
  library: LibraryItem[];
  outbox: OutboxItem[];
  snapshots: Record<string, { data: unknown; savedAt: string }>;
  calls: BridgeCall[];
  nextId: number;
}

/**
 * The page's globals the double uses. Typed by hand: bridge-double.ts also
 * compiles in the Node test project, which has no DOM types.
 */
export type PageGlobal = {
  sessionStorage: {
    getItem(key: string): string | null;
    setItem(key: string, value: string): void;
  };
  classhub?: ClassHubBridge;
  __bridgeControl?: BridgeControl;
};
