import type { ClassHubBridge } from '../src-shared/bridge';

/**
 * Facts the main process hands to the sandboxed preload. A sandboxed preload
 * cannot ask `app` for them, and a synchronous IPC call would block the page,
 * so they travel as extra command-line arguments of the renderer process
 * (`webPreferences.additionalArguments`, read back from `process.argv`).
 * Plain module: the preload bundle includes it, so no zod and no Node here.
 */
const APP_VERSION_FLAG = '--classhub-app-version=';

export interface BridgeFacts {
  appVersion: string;
}

export function encodeBridgeArguments(facts: BridgeFacts): string[] {
  return [`${APP_VERSION_FLAG}${facts.appVersion}`];
}

/** The app version passed by main, or "0.0.0" if it is missing. */
export function readAppVersion(argv: readonly string[]): string {
  const argument = argv.find((value) => value.startsWith(APP_VERSION_FLAG));
  const version = argument?.slice(APP_VERSION_FLAG.length) ?? '';
  return version === '' ? '0.0.0' : version;
}

/** Electron only ships for these three; anything else Unix-like behaves like Linux. */
export function toBridgePlatform(platform: string): ClassHubBridge['platform'] {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}
