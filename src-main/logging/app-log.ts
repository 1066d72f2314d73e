import { createLogger, type Logger } from '../../src-server/logger';

/**
 * The main process's one logger. Until main.ts has opened the log files
 * (log-files.ts) it writes JSON lines to stdout, as the hub does; after,
 * every module's lines go to `<userData>/logs/main.N.log`.
 */
let current: Logger = createLogger('info');

export function appLog(): Logger {
  return current;
}

export function useAppLog(logger: Logger): void {
  current = logger;
}

/** For plain modules that take `log(line)`: the line as a warning of the app's log. */
export const logLine = (line: string): void => appLog().warn(line);
