import { join } from 'node:path';
import type { DestinationStream } from 'pino';
import pinoRoll, { type RollingStream } from 'pino-roll';
import { createLogger, type Logger, type LogLevel } from '../../src-server/logger';

/**
 * The desktop app's logs: `<userData>/logs/main.N.log` for the main process
 * and `hub.N.log` for the hub it hosts, JSON lines (pino, with the hub's
 * redaction of passwords and tokens), each rolled daily or at 5 MB with the
 * last five kept. A teacher can send the folder when something went wrong;
 * nothing grows without bound on a school laptop.
 */
export interface LogFiles {
  readonly folder: string;
  readonly main: Logger;
  /** Passed to the hosted hub (`HubOptions.logDestination`), so its lines go to `hub.N.log`. */
  readonly hubDestination: DestinationStream;
  /** Flushes and closes both files (app quit). */
  close(): Promise<void>;
}

export interface LogFileOptions {
  level?: LogLevel;
  /** Per file before it rolls; a number is MB, or "500k", "5m". */
  size?: number | string;
  /** Rolled files kept besides the current one. */
  keep?: number;
}

function openRollingFile(folder: string, name: string, options: LogFileOptions) {
  return pinoRoll({
    file: join(folder, name),
    extension: '.log',
    size: options.size ?? '5m',
    frequency: 'daily',
    mkdir: true,
    // Not `sync`: pino-roll rolls on the stream's drain, which a synchronous stream never emits.
    limit: { count: options.keep ?? 5, removeOtherLogFiles: true },
  });
}

function closeStream(stream: RollingStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('close', resolve);
    stream.end();
  });
}

export async function openLogFiles(
  folder: string,
  options: LogFileOptions = {},
): Promise<LogFiles> {
  const [mainStream, hubStream] = await Promise.all([
    openRollingFile(folder, 'main', options),
    openRollingFile(folder, 'hub', options),
  ]);
  const main = createLogger(options.level ?? 'info', mainStream).child({ process: 'main' });
  return {
    folder,
    main,
    hubDestination: hubStream,
    close: async () => {
      await Promise.all([closeStream(mainStream), closeStream(hubStream)]);
    },
  };
}
