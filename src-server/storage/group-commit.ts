interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Coalesces flush requests: every change made while a flush is running is
 * written by one next flush, so a burst of N changes costs about two disk
 * writes instead of N. `request()` resolves only after a flush that began
 * after the request — i.e. once the caller's change is on disk.
 */
export class GroupCommit {
  private waiters: Waiter[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly flush: () => Promise<void>) {}

  request(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.running ??= this.run();
    return done;
  }

  /** Resolves when nothing is pending (used by shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    // Let the rest of this tick's changes join the first batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.waiters.length > 0) {
      const batch = this.waiters;
      this.waiters = [];
      try {
        await this.flush();
        for (const waiter of batch) waiter.resolve();
      } catch (error) {
        for (const waiter of batch) waiter.reject(error);
      }
    }
    this.running = undefined;
  }
}
