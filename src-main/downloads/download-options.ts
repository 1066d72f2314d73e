import type { ClassHubBridge } from '../../src-shared/bridge';
import type { OfflineLibrary } from '../offline/library';

/** The download manager's messages, options and interface (its behaviour is in download-manager.ts). */
export const SIGN_IN_AGAIN = 'Sign in again to continue';
export const CONNECTION_LOST = 'Connection lost — resume to try again';
export const CHECKSUM_MISMATCH =
  'The downloaded file does not match the hub’s checksum, so it was not saved. Download it again.';

export interface DownloadManagerOptions {
  /** The app's own folder for the job list and `partial/`; same disk as the library, so moves are renames. */
  folder: string;
  library: Pick<OfflineLibrary, 'addFile' | 'find' | 'has'>;
  /** The signed-in user's token for the current hub (kept in memory by main), or null. */
  credentials: () => { hubUrl: string; accessToken: string } | null;
  parallelism?: number;
  fetch?: typeof globalThis.fetch;
  /** Waits before each retry after a lost connection; one more loss than this and the job fails. */
  retryDelaysMs?: readonly number[];
  progressIntervalMs?: number;
  stallTimeoutMs?: number;
  log?: (line: string) => void;
}

type DownloadsBridge = ClassHubBridge['downloads'];

export interface DownloadManager extends DownloadsBridge {
  /** Credentials appeared or the network came back: jobs waiting for either start again. */
  retryWaiting(): void;
  /** Stops every transfer, keeping partial files, and saves the job list; a new manager resumes. */
  close(): Promise<void>;
}
