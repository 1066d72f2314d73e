import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `npm start` fetches Electron's binary on first use (electron ≥ 42 no
 * longer does it at install). Where that fails — offline, downloads blocked,
 * a Node too old for Electron's download tool — it fails the same way on
 * every start, and each attempt can take minutes. So the outcome is kept in
 * a small marker file under node_modules/.cache (a fresh `npm ci` clears it,
 * as it may bring another Electron): the failure is explained once, in full,
 * and later starts say in one line why the window is skipped and how to try
 * again.
 */
export const DOWNLOAD_MARKER = 'node_modules/.cache/classhub/electron-download.json';

export interface DownloadFailure {
  readonly electronVersion: string;
  /** ISO time of the failed attempt. */
  readonly failedAt: string;
  readonly reason: string;
}

/** The failure remembered for this Electron version, if any. */
export function readDownloadFailure(
  file: string,
  electronVersion: string,
): DownloadFailure | undefined {
  try {
    const failure = JSON.parse(readFileSync(file, 'utf8')) as Partial<DownloadFailure>;
    if (failure.electronVersion !== electronVersion || typeof failure.reason !== 'string') {
      return undefined;
    }
    return failure as DownloadFailure;
  } catch {
    return undefined; // no marker, or one we cannot read: try the download
  }
}

export function rememberDownloadFailure(file: string, failure: DownloadFailure): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(failure, null, 2)}\n`);
}

/**
 * Why the download failed, in one line, from what Electron's install script
 * printed (an error and its stack): the error line, the network error code
 * if there is one, and — on a Node older than Electron 45's tools support —
 * that as well.
 */
export function downloadFailureReason(
  output: string,
  nodeVersion: string,
  timedOut = false,
): string {
  const parts: string[] = [];
  if (timedOut) parts.push('no answer within 3 minutes');
  const lines = output
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const error = lines.find((line) => !line.startsWith('at '));
  if (error) parts.push(error);
  const code =
    /\b(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|CERT_[A-Z_]+|UNABLE_TO_[A-Z_]+|HTTP(?:Error)?:? ?\d{3})\b/.exec(
      output,
    )?.[1];
  if (code && !error?.includes(code)) parts.push(code);
  if (parts.length === 0) parts.push('the download script printed nothing');
  if (!nodeSupportsElectronTools(nodeVersion)) {
    parts.push(`Electron 45's download tools need Node ≥ 22.12, this is Node ${nodeVersion}`);
  }
  return parts.join('; ');
}

/** @electron/get and @electron/rebuild 4.x declare engines node ≥ 22.12.0. */
export function nodeSupportsElectronTools(nodeVersion: string): boolean {
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/, '').split('.').map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** The one line a later start prints instead of trying again. */
export function rememberedFailureDetail(failure: DownloadFailure, markerFile: string): string {
  return `its download failed on ${failure.failedAt.slice(0, 10)} (${failure.reason}), so this start did not try again; delete ${markerFile} to retry`;
}

/** The explanation printed once, right after the failed attempt. */
export function freshFailureDetail(reason: string, markerFile: string): string {
  return `the download failed just now (${reason}). Later starts will not try again and say so in one line; delete ${markerFile} to retry`;
}
