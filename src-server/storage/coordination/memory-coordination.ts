import { randomBytes } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Coordination, LimiterFactory, Turns } from './coordination';

/** Limits counted in this process: the whole hub when it runs on lowdb. */
export const memoryLimiters: LimiterFactory = ({ keyPrefix, points, duration }) =>
  new RateLimiterMemory({ keyPrefix, points, duration });

/** Turns kept in this process: key → until when the last turn holds. */
export function memoryTurns(): Turns {
  const until = new Map<string, number>();
  return {
    take(key, gapMs, nowMs) {
      const held = until.get(key);
      if (held !== undefined && held > nowMs)
        return Promise.resolve({ taken: false, waitMs: held - nowMs });
      const next = nowMs + gapMs;
      until.set(key, next);
      // Each take sweeps a little: the map holds at most the turns still running, roughly.
      if (until.size > 10_000) for (const [k, at] of until) if (at <= nowMs) until.delete(k);
      return Promise.resolve({ taken: true, until: next });
    },
    giveBack(key, taken) {
      if (until.get(key) === taken) until.delete(key);
      return Promise.resolve();
    },
  };
}

/** One process is the whole hub: it runs every job, and its secrets live (and die) with it. */
export function memoryCoordination(): Coordination {
  const secrets = new Map<string, Buffer>();
  return {
    shared: false,
    limiter: memoryLimiters,
    turns: memoryTurns(),
    secret: (name) => {
      const known = secrets.get(name) ?? randomBytes(32);
      secrets.set(name, known);
      return Promise.resolve(known);
    },
    leads: () => Promise.resolve(true),
    // RateLimiterMemory drops its own expired keys.
    pruneLimits: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
