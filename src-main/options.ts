import { z } from 'zod';
import { webOriginOf } from './security';

/**
 * The options of the desktop app, from flags and `CLASSHUB_*` environment
 * variables. A flag wins over the environment, which wins over the default.
 *
 * | option | flag | environment | default |
 * |---|---|---|---|
 * | hubUrl | `--hub-url <url>` or `--hub-url=<url>` | `CLASSHUB_HUB_URL` | `http://127.0.0.1:4000` |
 */
export const DEFAULT_HUB_URL = 'http://127.0.0.1:4000';

const hubUrlSchema = z
  .string()
  .trim()
  .refine((value) => webOriginOf(value) !== undefined, {
    message: 'must be an http or https URL, e.g. http://192.168.1.20:4000',
  });

export interface DesktopOptions {
  /** Where the window's pages come from; its origin is the app origin. */
  hubUrl: string;
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
  const raw = readFlag(argv, '--hub-url') ?? fromEnv ?? DEFAULT_HUB_URL;
  const parsed = hubUrlSchema.safeParse(raw);
  if (!parsed.success) {
    const reason = parsed.error.issues[0]?.message ?? 'is not valid';
    throw new DesktopOptionsError(`The hub URL "${raw}" ${reason}.`);
  }
  return { hubUrl: new URL(parsed.data).href };
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
