import type { RateLimiterAbstract } from 'rate-limiter-flexible';

/** One rate limiter's budget: `points` per `duration` seconds for each key. */
export interface LimiterOptions {
  /** Names the limiter; keys of different limiters never meet. */
  readonly keyPrefix: string;
  readonly points: number;
  readonly duration: number;
  /**
   * Asked on every write a socket makes (chat, poll answers, device reports,
   * typing). On PostgreSQL a key whose budget is spent is then refused from
   * this node's memory until its window ends (no database round trip for a
   * client that keeps trying), and a database that cannot answer falls back to
   * counting on this node rather than refusing or failing the write
   * (docs/decisions.md, "Socket write limits across hub nodes"). Only for
   * limiters that never give points back (`delete`, `reward`): another
   * node's memory would not hear of it.
   */
  readonly hotPath?: boolean;
}

/** Makes the rate limiters services count with: shared by every hub node on one database. */
export type LimiterFactory = (options: LimiterOptions) => RateLimiterAbstract;

/** The answer to a turn asked for: taken (until `until`), or how long before the next one. */
export type Turn = { taken: true; until: number } | { taken: false; waitMs: number };

/**
 * One turn per gap for each key, measured on the caller's clock (the hub's
 * injectable `now`, so tests that move it work on every engine): slow mode's
 * "one message every N seconds". Asking and taking are one atomic step, so
 * two nodes asking at once never both get the turn.
 */
export interface Turns {
  take(key: string, gapMs: number, nowMs: number): Promise<Turn>;
  /** Gives back the turn taken with `until` (its message was not stored), unless a later one was taken. */
  giveBack(key: string, until: number): Promise<void>;
}

/**
 * What several hub nodes on one database must agree on beyond the
 * records: rate limits, secrets and which node runs each background job.
 * On lowdb the hub is one process, so all of it stays in memory.
 */
export interface Coordination {
  /** True when other hub nodes may share this state (PostgreSQL); false for a lone lowdb hub. */
  readonly shared: boolean;
  /** The one way the hub makes a rate limiter: in memory on lowdb, in the database on PostgreSQL. */
  readonly limiter: LimiterFactory;
  readonly turns: Turns;
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
