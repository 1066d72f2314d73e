/** The part of `process` the handler listens on (a stand-in in tests). */
export interface ProcessEvents {
  on(
    event: 'uncaughtException' | 'unhandledRejection',
    listener: (error: unknown) => void,
  ): unknown;
  off(
    event: 'uncaughtException' | 'unhandledRejection',
    listener: (error: unknown) => void,
  ): unknown;
}

export interface CrashHandlerOptions {
  process: ProcessEvents;
  /** The app's logger (a getter's result is fine: the log files open after the handlers). */
  log: { error(details: object, message: string): void };
  /** Tells the person once (a dialog from electron-adapters.ts); later errors are only logged. */
  showOnce(message: { title: string; message: string; detail: string }): void;
  /** Where the logs are, for the message. */
  logFolder: string;
}

/**
 * One handler for unexpected errors in main. Node's default for an uncaught
 * exception is to exit, which would drop every student of a hub this app
 * hosts; instead the error is logged, the person is told once (not a dialog
 * per repeat), and the app — and the hosted hub in it — keeps running.
 * Returns a function that removes the handlers.
 */
export function installCrashHandlers(options: CrashHandlerOptions): () => void {
  let shown = false;
  const handle = (kind: 'uncaught exception' | 'unhandled rejection') => (error: unknown) => {
    options.log.error({ err: error, kind }, `${kind} in the main process`);
    if (shown) return;
    shown = true;
    options.showOnce({
      title: 'ClassHub met an unexpected error',
      message:
        'Something went wrong inside ClassHub. It keeps running, and a hub hosted here keeps serving.',
      detail:
        `If something no longer works, restart ClassHub. The details are in the log files in ${options.logFolder}.\n\n` +
        `${error instanceof Error ? error.message : String(error)}`,
    });
  };
  const onException = handle('uncaught exception');
  const onRejection = handle('unhandled rejection');
  options.process.on('uncaughtException', onException);
  options.process.on('unhandledRejection', onRejection);
  return () => {
    options.process.off('uncaughtException', onException);
    options.process.off('unhandledRejection', onRejection);
  };
}
