import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The decisions of `npm start` about the desktop window, as plain functions
 * (tests/main/desktop-launch.test.ts): where Electron's binary is, and what
 * to tell the person when the window cannot open — the hub keeps serving
 * the same app to the browser then.
 */

/** The Electron binary the `electron` package installed (dist/<path.txt>), if it is there. */
export function locateElectronBinary(
  packageDir: string,
  fileExists: (file: string) => boolean = existsSync,
  readText: (file: string) => string = (file) => readFileSync(file, 'utf8'),
): string | undefined {
  const pathFile = join(packageDir, 'path.txt');
  if (!fileExists(pathFile)) return undefined;
  const relative = readText(pathFile).trim();
  if (relative === '') return undefined;
  const binary = join(packageDir, 'dist', relative);
  return fileExists(binary) ? binary : undefined;
}

export type WindowUnavailable =
  /** detail: why there is no binary (scripts/electron-download.ts); without it, the usual causes. */
  | { reason: 'no-binary'; detail?: string }
  | { reason: 'not-installed' }
  | { reason: 'exited-early'; code: number | null; signal: string | null }
  | { reason: 'spawn-failed'; message: string };

/** What `npm start` prints when the desktop window cannot open. */
export function browserFallbackMessage(hubUrl: string, why: WindowUnavailable): string {
  return [
    '',
    `The desktop window cannot open here. ${windowCause(why)}`,
    `The same app is served in the browser instead: open ${hubUrl}`,
    '(The desktop-only features — hosting from the app, downloads, offline library — need the desktop app.)',
    '',
  ].join('\n');
}

function windowCause(why: WindowUnavailable): string {
  switch (why.reason) {
    case 'no-binary':
      return why.detail
        ? `Electron's binary is not on this machine: ${why.detail}.`
        : "Electron's binary is not on this machine and could not be downloaded (offline, or downloads are blocked).";
    case 'not-installed':
      return 'The electron package is not installed (an `npm ci --omit=dev` install has the hub only).';
    case 'spawn-failed':
      return `Electron could not be started: ${why.message}.`;
    case 'exited-early':
      return `Electron closed right after starting (${why.signal ? `signal ${why.signal}` : `exit code ${why.code}`}); this machine may have no display or miss a system library.`;
  }
}

/** Closing within this long after start counts as "could not start", not as the user quitting. */
export const EARLY_EXIT_MS = 5000;

/**
 * When the window's process ends: the user closed it (stop the hub, as
 * `npm start` ends with the window), or it died on start (keep serving the
 * browser and say why).
 */
export function afterWindowExit(
  code: number | null,
  signal: string | null,
  uptimeMs: number,
): { action: 'stop-hub' } | { action: 'serve-browser'; why: WindowUnavailable } {
  const failed = (code !== 0 && code !== null) || (signal !== null && signal !== 'SIGTERM');
  if (failed && uptimeMs < EARLY_EXIT_MS) {
    return { action: 'serve-browser', why: { reason: 'exited-early', code, signal } };
  }
  return { action: 'stop-hub' };
}
