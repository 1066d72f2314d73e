/**
 * At most one send per key every `intervalMs`: the first change goes out at
 * once, changes arriving during the interval are folded into one send at its
 * end. 500 answers in a second become about ten packets to the host, each
 * carrying the counts as they stand — never one packet per answer.
 */
export class Coalescer {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pending = new Set<string>();

  constructor(
    private readonly intervalMs: number,
    private readonly send: (key: string) => void,
  ) {}

  touch(key: string): void {
    if (this.timers.has(key)) {
      this.pending.add(key);
      return;
    }
    this.send(key);
    this.arm(key);
  }

  stop(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.pending.clear();
  }

  private arm(key: string): void {
    const timer = setTimeout(() => {
      this.timers.delete(key);
      if (!this.pending.delete(key)) return;
      this.send(key);
      this.arm(key);
    }, this.intervalMs);
    timer.unref();
    this.timers.set(key, timer);
  }
}
