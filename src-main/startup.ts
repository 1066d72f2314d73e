import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { HostedHubStatus } from '../src-shared/bridge';
import { healthSchema } from '../src-shared/schemas/health';
import type { JoinDeepLink } from './deep-links';
import { webOriginOf } from './security';

/**
 * What the app opens with, and when it may keep running without a window —
 * as plain functions, so every branch is tested without Electron.
 */

/** Remembered between runs (userData/desktop-settings.json). */
export interface DesktopSettings {
  /** Origin of the hub the window showed last. */
  lastHubUrl?: string;
  /** The teacher was hosting when the app last closed: host again on start. */
  hostOnStartup: boolean;
}

const settingsSchema = z.object({
  lastHubUrl: z
    .string()
    .max(2048)
    .refine((value) => webOriginOf(value) !== undefined)
    .optional()
    .catch(undefined),
  hostOnStartup: z.boolean().catch(false),
});

export const DEFAULT_SETTINGS: DesktopSettings = { hostOnStartup: false };

export function parseDesktopSettings(raw: unknown): DesktopSettings {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) return { ...DEFAULT_SETTINGS };
  const { lastHubUrl, hostOnStartup } = parsed.data;
  return lastHubUrl === undefined ? { hostOnStartup } : { lastHubUrl, hostOnStartup };
}

export async function loadDesktopSettings(file: string): Promise<DesktopSettings> {
  try {
    return parseDesktopSettings(JSON.parse(await readFile(file, 'utf8')));
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveDesktopSettings(file: string, settings: DesktopSettings): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(settings, null, 2), 'utf8');
  await rename(temporary, file);
}

export type StartupDecision =
  /** Open the window on this hub page. */
  | { kind: 'open-hub'; hubUrl: string; appPath: string }
  /** Start the hosted hub; the window follows it once it runs. */
  | { kind: 'start-hosted-hub' }
  /** The app's local copy: /start (host or connect) or /library (offline). */
  | { kind: 'local-shell'; appPath: '/start' | '/library'; offline: boolean };

export interface StartupInput {
  /** `--hub-url` / `CLASSHUB_HUB_URL` (npm start's demo hub): wins over what was remembered. */
  commandLineHubUrl?: string;
  /** A `classhub://join/…` link the app was started with. */
  deepLink?: JoinDeepLink;
  settings: DesktopSettings;
  /** Whether a hub answers /api/health now (probeHub). */
  isReachable(hubUrl: string): Promise<boolean>;
}

/**
 * In order: a deep link or a hub named on the command line is opened as
 * asked (if it is down, main falls back to the library); the last hub is opened if it
 * answers; a teacher who was hosting hosts again; a last hub that does not
 * answer means offline — the library; nothing known — the start screen.
 */
export async function decideStartup(input: StartupInput): Promise<StartupDecision> {
  if (input.deepLink) {
    return { kind: 'open-hub', hubUrl: input.deepLink.hubUrl, appPath: input.deepLink.appPath };
  }
  if (input.commandLineHubUrl) {
    return { kind: 'open-hub', hubUrl: input.commandLineHubUrl, appPath: '/' };
  }
  const last = input.settings.lastHubUrl;
  if (last && (await input.isReachable(last))) {
    return { kind: 'open-hub', hubUrl: last, appPath: '/' };
  }
  if (input.settings.hostOnStartup) return { kind: 'start-hosted-hub' };
  if (last) return { kind: 'local-shell', appPath: '/library', offline: true };
  return { kind: 'local-shell', appPath: '/start', offline: false };
}

/** Whether a ClassHub hub answers at this origin within the timeout. */
export async function probeHub(
  hubUrl: string,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 2500,
): Promise<boolean> {
  const origin = webOriginOf(hubUrl);
  if (!origin) return false;
  try {
    const response = await fetchImpl(`${origin}/api/health`, {
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
    if (!response.ok) return false;
    return healthSchema.safeParse(await response.json()).success;
  } catch {
    return false;
  }
}

/**
 * Closing the window: keep the app alive in the tray only while this
 * computer hosts a hub and the teacher chose so — students depend on it.
 * Otherwise closing the window quits (except on macOS, where apps stay in
 * the dock by convention).
 */
export function closeBehaviour(
  status: Pick<HostedHubStatus, 'state' | 'keepRunningInTray'> | undefined,
  platform: NodeJS.Platform,
): 'hide-to-tray' | 'quit' | 'stay-in-dock' {
  const hosting = status?.state === 'running' || status?.state === 'starting';
  if (hosting && status?.keepRunningInTray) return 'hide-to-tray';
  return platform === 'darwin' ? 'stay-in-dock' : 'quit';
}
