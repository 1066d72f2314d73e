// Plain JavaScript on purpose: the hub under test runs from its built bundle
// (dist-hub/, no tsx), and hub-child.mjs loads this into that process.
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * What a server child process reports about itself: its own CPU, memory and event-loop lag.
 * @typedef {object} ChildStats
 * @property {number} rssBytes
 * @property {number} cpuMs User + system CPU time of the whole process (its worker threads included).
 * @property {number} lagMaxMs
 * @property {number} lagP99Ms
 */

/** @typedef {{ type: 'stats' } | { type: 'reset-lag' } | { type: 'stop' }} ChildRequest */

/**
 * Answers the bench's IPC requests inside a server process (the hub or a
 * peer), so figures are the server's alone, not the clients'.
 * @param {() => Promise<void>} stop
 */
export function answerStats(stop) {
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const send = /** @type {NonNullable<typeof process.send>} */ (process.send).bind(process);
  process.on('message', (/** @type {ChildRequest} */ request) => {
    if (request.type === 'reset-lag') {
      lag.reset();
      send({ type: 'ok' });
    } else if (request.type === 'stats') {
      const cpu = process.cpuUsage();
      /** @type {ChildStats} */
      const stats = {
        rssBytes: process.memoryUsage().rss,
        cpuMs: (cpu.user + cpu.system) / 1000,
        lagMaxMs: lag.max / 1e6,
        lagP99Ms: lag.percentile(99) / 1e6,
      };
      send({ type: 'stats', stats });
    } else if (request.type === 'stop') {
      void stop().then(() => process.exit(0));
    }
  });
}
