import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outboxWorld, type OutboxWorld } from './outbox-fixture';

/** The desktop outbox against a real hub whose class chat has quiet or slow mode on. */
let world: OutboxWorld;
beforeEach(async () => {
  world = await outboxWorld();
  world.credentials = world.signedIn();
});
afterEach(() => world.close());

const chat = (words: string) =>
  ({ kind: 'chat-message', hubUrl: world.hub.url, room: world.room, text: words }) as const;
const controls = (body: Record<string, unknown>) =>
  world.hub.call('updateChatControls', {
    token: world.teacher.token,
    params: { sessionId: world.sessionId },
    body,
  });

describe('the outbox and a class’s chat controls', () => {
  it('brings back a message queued offline and refused by quiet mode, with the reason', async () => {
    const outbox = world.outbox();
    await outbox.enqueue(chat('Written on the bus'));
    expect((await controls({ quiet: true })).status).toBe(200);
    expect(await outbox.flush()).toEqual({ sent: 0, refused: 1 });
    const [item] = await outbox.list();
    expect(item).toMatchObject({
      state: 'refused',
      error: {
        code: 'CONFLICT',
        message: 'Quiet mode is on: only the teacher can post in this class’s chat right now.',
      },
    });
    expect(await world.messages()).toEqual([]);
  });

  it('under slow mode, holds the next message back and sends it once the wait is over', async () => {
    expect((await controls({ slowModeSeconds: 30 })).status).toBe(200);
    const outbox = world.outbox();
    await outbox.enqueue(chat('first'));
    await outbox.enqueue(chat('second'));
    expect(await outbox.flush()).toEqual({
      sent: 1,
      refused: 0,
      stoppedBecause: 'the hub answered 429',
    });
    expect((await outbox.list()).map((i) => i.state)).toEqual(['sent', 'waiting']);
    world.clock.advance(30_000);
    expect(await outbox.flush()).toEqual({ sent: 1, refused: 0 });
    expect(await world.messages()).toEqual(['first', 'second']);
  });
});
