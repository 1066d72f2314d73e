import { afterEach, beforeEach, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, type ClientSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * A ping answered means the news of every change made before it has been
 * sent: a client (and every test) can use `hub:ping` as a barrier. On
 * PostgreSQL a broadcast leaves through the adapter after the change's own
 * answer, so the ping waits for it (deliverAccounts, cluster.ts).
 */
let hub: TestHub;
let teacher: Person;
let socket: ClientSocket;

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  await signUp(hub, { role: 'teacher' }); // the admin
  teacher = await signUp(hub, { role: 'teacher' });
  socket = await connectSocket(hub.url, teacher.token);
});
afterEach(async () => {
  socket.disconnect();
  await hub.stop();
});

it('hears the news of a change before the answer to a ping sent after it, every time', async () => {
  const hints = collect(socket, 'live:changed');
  for (let round = 1; round <= 20; round++) {
    const created = await hub.call('createCourse', {
      token: teacher.token,
      body: { title: `Course ${round}`, capacity: 5 },
    });
    expect(created.status).toBe(201);
    await socket.emitWithAck('hub:ping');
    // Everyone signed in hears that the catalogue changed: one hint per course so far.
    expect(hints.filter((hint) => hint.topic === 'catalogue')).toHaveLength(round);
  }
});
