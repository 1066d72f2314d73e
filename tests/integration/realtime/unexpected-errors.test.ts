import { afterEach, describe, expect, it } from 'vitest';
import { signUp } from '../../support/people';
import { connectSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub | undefined;
let runnerListeners: NodeJS.UnhandledRejectionListener[] = [];

afterEach(async () => {
  for (const listener of runnerListeners) process.on('unhandledRejection', listener);
  runnerListeners = [];
  await hub?.stop();
});

describe('an unexpected rejection', () => {
  it('is logged and the hub keeps serving sign-ins, REST and sockets', async () => {
    // Vitest's own handler would fail the run: set it aside so only the hub's handler hears.
    runnerListeners = process.listeners('unhandledRejection');
    hub = await startHub({ verification: 'none' });
    for (const listener of runnerListeners) process.off('unhandledRejection', listener);
    expect(process.listenerCount('unhandledRejection')).toBe(1);

    void Promise.reject(new Error('nobody handles this'));
    await expect
      .poll(() => hub!.logs.lines.find((l) => JSON.stringify(l).includes('nobody handles this')))
      .toMatchObject({ level: 50, msg: expect.stringContaining('the hub keeps serving') });

    const person = await signUp(hub);
    expect((await hub.call('health')).status).toBe(200);
    const socket = await connectSocket(hub.url, person.token);
    expect(await socket.emitWithAck('hub:ping')).toMatchObject({ ok: true });
    socket.disconnect();
  });

  it('handler is removed when the hub closes', async () => {
    const before = process.listenerCount('unhandledRejection');
    const started = await startHub();
    expect(process.listenerCount('unhandledRejection')).toBe(before + 1);
    await started.stop();
    expect(process.listenerCount('unhandledRejection')).toBe(before);
  });
});
