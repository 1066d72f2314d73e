import path from 'node:path';
import { z } from 'zod';
import { webOriginOf } from './security';

/**
 * The options of the desktop app, from flags and `CLASSHUB_*` environment
 * variables. A flag wins over the environment, which wins over the default.
 *
 * | option | flag | environment | default |
 * |---|---|---|---|
 * | hubUrl | `--hub-url <url>` or `--hub-url=<url>` | `CLASSHUB_HUB_URL` | none: startup.ts decides |
 * | userDataDir | `--user-data <dir>` | `CLASSHUB_USER_DATA` | Electron's per-user folder |
 *
 * `npm start` sets CLASSHUB_HUB_URL to its demo hub. Without a hub URL the
 * app opens what startup.ts decides (last hub, hosting, library, start screen).
 */

const hubUrlSchema = z
  .string()
  .trim()
  .refine((value) => webOriginOf(value) !== undefined, {
    message: 'must be an http or https URL, e.g. http://192.168.1.20:4000',
  });

export interface DesktopOptions {
  /** The hub to open right away, if one was named. */
  hubUrl?: string;
  /**
   * Another folder for settings, library, outbox and hosted hub: a second
   * profile, or a throw-away one for the end-to-end test.
   */
  userDataDir?: string;
}

export class DesktopOptionsError extends Error {
  override readonly name = 'DesktopOptionsError';
}

export function resolveDesktopOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): DesktopOptions {
  // An empty variable counts as unset, as in most shells' `VAR= command` idiom.
  const fromEnv = env.CLASSHUB_HUB_URL === '' ? undefined : env.CLASSHUB_HUB_URL;
  const userData = readFlag(argv, '--user-data') ?? (env.CLASSHUB_USER_DATA || undefined);
  const base: DesktopOptions = userData ? { userDataDir: path.resolve(userData) } : {};
  const raw = readFlag(argv, '--hub-url') ?? fromEnv;
  if (raw === undefined) return base;
  const parsed = hubUrlSchema.safeParse(raw);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? 'is not valid';
    throw new DesktopOptionsError(`The hub URL "${raw}" ${reason}.`);
  }
  return { ...base, hubUrl: new URL(parsed.data).href };
}

/** Reads `--name value` or `--name=value`; the last occurrence wins. */
function readFlag(argv: readonly string[], name: string): string | undefined {
  let value: string | undefined;
  argv.forEach((argument, index) => {
    if (argument.startsWith(`${name}=`)) value = argument.slice(name.length + 1);
    else if (argument === name && index + 1 < argv.length) value = argv[index + 1];
  });
  return value;
}
