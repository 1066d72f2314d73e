import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, type Logger } from '../../../src-server/logger';

/** A fresh directory under the OS temp folder, and a way to remove it. */
export interface TempDir {
  readonly path: string;
  remove(): Promise<void>;
}

export async function makeTempDir(prefix = 'classhub-storage-'): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export interface LogLine {
  readonly level: number;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/** A real pino logger whose lines are kept, so a test can assert a warning was logged. */
export interface CapturedLogger {
  readonly logger: Logger;
  readonly lines: LogLine[];
  /** Lines at warn (40) or above. */
  warnings(): LogLine[];
}

export function captureLogger(): CapturedLogger {
  const lines: LogLine[] = [];
  const logger = createLogger('debug', {
    write(text: string) {
      lines.push(JSON.parse(text) as LogLine);
    },
  });
  return { logger, lines, warnings: () => lines.filter((line) => line.level >= 40) };
}

export const silentLogger: Logger = createLogger('silent');

/** Total bytes of every file directly inside `directory`. */
export async function directoryBytes(directory: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(directory)) total += (await stat(join(directory, name))).size;
  return total;
}
