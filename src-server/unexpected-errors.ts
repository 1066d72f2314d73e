import type { Logger } from './logger';

/**
 * One handler per process for a promise that rejected with no one to hear
 * it: it is logged and the hub keeps serving (Node would otherwise exit and
 * drop every client, or take the desktop app that hosts the hub with it).
 * Returns how to remove the handler when the hub closes.
 */
export function keepServingOnUnhandledRejections(logger: Logger): () => void {
  const onRejection = (reason: unknown) => {
    logger.error(
      { err: reason },
      'a promise failed with no one handling it; the hub keeps serving',
    );
  };
  process.on('unhandledRejection', onRejection);
  return () => void process.off('unhandledRejection', onRejection);
}
