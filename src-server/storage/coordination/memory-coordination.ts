import { randomBytes } from 'node:crypto';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Coordination, LimiterFactory } from './coordination';

/** Limits counted in this process: the whole hub when it runs on lowdb. */
export const memoryLimiters: LimiterFactory = (options) => new RateLimiterMemory(options);

/** One process is the whole hub: it runs every job, and its secrets live (and die) with it. */
export function memoryCoordination(): Coordination {
  const secrets = new Map<string, Buffer>();
  return {
    shared: false,
    limiter: memoryLimiters,
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
