import type { Logger } from '../logger';
import type { DomainEventName, DomainEvents } from './domain-events';

type Listener<N extends DomainEventName> = (payload: DomainEvents[N]) => void | Promise<void>;

/**
 * The hub's in-process domain event bus. A failing subscriber is logged and
 * never breaks the publisher or other subscribers: the change is already stored.
 */
export class EventBus {
  private readonly listeners = new Map<DomainEventName, Set<Listener<never>>>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  on<N extends DomainEventName>(name: N, listener: Listener<N>): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as Listener<never>);
    this.listeners.set(name, set);
    return () => set.delete(listener as Listener<never>);
  }

  publish<N extends DomainEventName>(name: N, payload: DomainEvents[N]): void {
    for (const listener of this.listeners.get(name) ?? []) {
      const run = Promise.resolve()
        .then(() => (listener as Listener<N>)(payload))
        .catch((error: unknown) =>
          this.logger.error({ err: error, event: name }, 'event subscriber failed'),
        );
      this.inFlight.add(run);
      void run.finally(() => this.inFlight.delete(run));
    }
  }

  /** Waits for subscribers still running (shutdown, tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }
}
