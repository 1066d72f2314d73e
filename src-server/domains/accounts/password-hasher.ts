import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/** CFS gives a nice-5 thread about a third of a nice-0 thread's share when they compete. */
const WORKER_NICE_INCREMENT = 5;

/**
 * bcrypt in a pool of worker threads. bcryptjs is pure JavaScript: on the
 * event loop, twenty sign-ins at once froze the hub for two seconds.
 *
 * One worker per core: a class signing in at 9:00 is the burst that matters,
 * and with cores − 1 a 2-core laptop checked one password at a time. The
 * workers run a few nice levels below the hub (Linux and macOS; a no-op where
 * the optional native helper is missing), so when every core is hashing the
 * kernel still runs the event loop first: chat and pages keep flowing during
 * the burst (bench/sign-in.bench.ts measures the lag). Idle workers exit after
 * a minute.
 */
export class PasswordHasher {
  private readonly pool = new Piscina({
    filename: new URL('./password-worker.js', import.meta.url).href,
    minThreads: 1,
    maxThreads: availableParallelism(),
    idleTimeout: 60_000,
    niceIncrement: WORKER_NICE_INCREMENT,
  });
  /** A real hash to compare against when the username is unknown, so both cases take as long. */
  private decoy: Promise<string> | undefined;

  constructor(private readonly rounds: number) {}

  hash(password: string): Promise<string> {
    return this.pool.run({ password, rounds: this.rounds }, { name: 'hash' }) as Promise<string>;
  }

  verify(password: string, hash: string): Promise<boolean> {
    return this.pool.run({ password, hash }, { name: 'compare' }) as Promise<boolean>;
  }

  /** Spends the same time as verify() for an account that does not exist. */
  async verifyNobody(password: string): Promise<false> {
    this.decoy ??= this.hash('decoy password that matches nothing');
    await this.verify(password, await this.decoy);
    return false;
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
