import type { EventBus } from '../events/bus';
import { sessionRoom } from './rooms';
import type { HubSocketServer } from './socket-server';

/** At most one packet per thing per this long while it keeps changing (a class raising hands at once). */
const COALESCE_MS = 200;

/**
 * The live class tools: every change is one packet to the session's room
 * (built once by the domain, the same view for every member), so a class of
 * 500 costs one encoding per change. Hands travel as changes (a raised hand,
 * lowered ones, who is called on) with the hub's count, never as the whole
 * queue: 500 hands going up cost 500 small packets, not 500 growing queues.
 * A question's upvotes in a burst are coalesced: the first packet goes out at
 * once, then at most one (its latest state) per 200 ms. Who is in the room is
 * membership.ts's business; state is fetched over REST on opening and after
 * a reconnect.
 */
export function deliverClassTools(io: HubSocketServer, bus: EventBus): void {
  const latest = new LatestOnly(COALESCE_MS);
  // Each hand's change is its own small packet (they cannot be collapsed into the latest).
  bus.on('hands.changed', ({ change }) => {
    io.to(sessionRoom(change.sessionId)).emit('hands:changed', change);
  });
  bus.on('question.changed', ({ question }) =>
    latest.send(`question:${question.id}`, () =>
      io.to(sessionRoom(question.sessionId)).emit('question:changed', question),
    ),
  );
  bus.on('chat-controls.changed', ({ controls }) => {
    io.to(sessionRoom(controls.sessionId)).emit('chat-controls:changed', controls);
  });
}

/** Leading and trailing edge per key: the first send runs now, later ones within the window collapse into the last. */
export class LatestOnly {
  private readonly windows = new Map<string, { pending?: () => void }>();

  constructor(private readonly ms: number) {}

  send(key: string, emit: () => void): void {
    const window = this.windows.get(key);
    if (window) {
      window.pending = emit;
      return;
    }
    emit();
    this.open(key);
  }

  private open(key: string): void {
    const window: { pending?: () => void } = {};
    this.windows.set(key, window);
    setTimeout(() => {
      this.windows.delete(key);
      if (window.pending) this.send(key, window.pending);
    }, this.ms).unref();
  }
}
