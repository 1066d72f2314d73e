import { monitorEventLoopDelay } from 'node:perf_hooks';

/** What a server child process reports about itself: its own CPU, memory and event-loop lag. */
export interface ChildStats {
  readonly rssBytes: number;
  /** User + system CPU time of the whole process (its worker threads included). */
  readonly cpuMs: number;
  readonly lagMaxMs: number;
  readonly lagP99Ms: number;
}

export type ChildRequest = { type: 'stats' } | { type: 'reset-lag' } | { type: 'stop' };

/**
 * Answers the bench's IPC requests inside a server process (the hub or a
 * peer), so figures are the server's alone, not the clients'.
 */
export function answerStats(stop: () => Promise<void>): void {
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  process.on('message', (request: ChildRequest) => {
    if (request.type === 'reset-lag') {
      lag.reset();
      process.send!({ type: 'ok' });
    } else if (request.type === 'stats') {
      const cpu = process.cpuUsage();
      const stats: ChildStats = {
        rssBytes: process.memoryUsage().rss,
        cpuMs: (cpu.user + cpu.system) / 1000,
        lagMaxMs: lag.max / 1e6,
        lagP99Ms: lag.percentile(99) / 1e6,
      };
      process.send!({ type: 'stats', stats });
    } else if (request.type === 'stop') {
      void stop().then(() => process.exit(0));
    }
  });
}
