import type { Logger } from '../logger';
import type { DomainEventName, DomainEvents } from './domain-events';

type Listener<N extends DomainEventName> = (payload: DomainEvents[N]) => void | Promise<void>;

/**
 * The hub's in-process domain event bus. A failing subscriber is logged and
 * never breaks the publisher or other subscribers: the change is already stored.
 */
export class EventBus {
  private readonly listeners = new Map<DomainEventName, Set<Listener<never>>>();
  /** Subscriber calls begun and not yet finished; drain() waits for none. */
  private running = 0;
  private readonly whenIdle: Array<() => void> = [];

  constructor(private readonly logger: Logger) {}

  on<N extends DomainEventName>(name: N, listener: Listener<N>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as Listener<never>);
    this.listeners.set(name, set);
    return () => set.delete(listener as Listener<never>);
  }

  /**
   * Each subscriber runs in a microtask of its own, after the publisher's
   * synchronous step. One queueMicrotask per subscriber, not a promise chain:
   * a class's read receipts publish 2,000 events a second.
   */
  publish<N extends DomainEventName>(name: N, payload: DomainEvents[N]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      this.running += 1;
      queueMicrotask(() => this.call(name, listener as Listener<N>, payload));
    }
  }

  /** Waits for subscribers still running (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.running > 0) await new Promise<void>((resolve) => this.whenIdle.push(resolve));
  }

  private call<N extends DomainEventName>(
    name: N,
    listener: Listener<N>,
    payload: DomainEvents[N],
  ): void {
    let result: void | Promise<void>;
    try {
      result = listener(payload);
    } catch (error) {
      this.failed(name, error);
      return this.finished();
    }
    if (!result) return this.finished();
    result.then(
      () => this.finished(),
      (error: unknown) => {
        this.failed(name, error);
        this.finished();
      },
    );
  }

  private failed(name: DomainEventName, error: unknown): void {
    this.logger.error({ err: error, event: name }, 'event subscriber failed');
  }

  private finished(): void {
    this.running -= 1;
    if (this.running === 0) for (const resolve of this.whenIdle.splice(0)) resolve();
  }
}
