import type { Logger } from '../logger';
import type { Storage } from '../storage/repositories';

const DAY = 86_400_000;

/** Drops notifications older than the hub's retention setting, at start and then daily. */
export function startNotificationPruning(storage: Storage, logger: Logger, now: () => Date) {
  const prune = async () => {
    try {
      if (!(await storage.coordination.leads('notification-pruning'))) return;
      const { notificationRetentionDays } = await storage.settings.get();
      const cutoff = new Date(now().getTime() - notificationRetentionDays * DAY).toISOString();
      const segments = await storage.notifications.pruneBefore(cutoff);
      if (segments > 0) logger.info({ segments, cutoff }, 'pruned old notifications');
    } catch (error) {
      logger.error({ err: error }, 'pruning notifications failed; it will run again');
    }
  };
  let running: Promise<void> | undefined = prune();
  const timer = setInterval(() => {
    running = prune();
  }, DAY);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
