import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/** One rate limiter's budget: `points` per `duration` seconds for each key. */
export interface LimiterOptions {
  /** Names the limiter; keys of different limiters never meet. */
  readonly keyPrefix: string;
  readonly points: number;
  readonly duration: number;
}

/** Makes the rate limiters services count with: shared by every hub node on one database. */
export type LimiterFactory = (options: LimiterOptions) => RateLimiterAbstract;

/**
 * What several hub nodes on one database must agree on beyond the
 * records: rate limits, secrets and which node runs each background job.
 * On lowdb the hub is one process, so all of it stays in memory.
 */
export interface Coordination {
  /** True when other hub nodes may share this state (PostgreSQL); false for a lone lowdb hub. */
  readonly shared: boolean;
  readonly limiter: LimiterFactory;
  /** A 32-byte secret made once and then the same on every node (e.g. the download-link key). */
  secret(name: string): Promise<Buffer>;
  /**
   * True when this node runs `job` now. The first node to ask holds the job
   * until it stops or dies; the others keep asking, and one takes over then.
   */
  leads(job: string): Promise<boolean>;
  /** Forgets rate-limit counters whose window has passed (they are never read again). */
  pruneLimits(): Promise<void>;
  close(): Promise<void>;
}
