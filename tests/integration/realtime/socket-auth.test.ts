import { io, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ClientToServerEvents,
  LiveHint,
  RevokedNotice,
  ServerToClientEvents,
} from '../../../src-shared/events';
import { signUp } from '../../support/people';
import { nextHint } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
let hub: TestHub;
const sockets: ClientSocket[] = [];

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

function connect(token?: string): ClientSocket {
  const socket: ClientSocket = io(hub.url, {
    auth: token ? { token } : {},
    transports: ['websocket'],
    reconnection: false,
  });
  sockets.push(socket);
  return socket;
}

function outcome(
  socket: ClientSocket,
): Promise<{ connected: true } | { connected: false; code: string }> {
  return new Promise((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error) =>
      resolve({
        connected: false,
        code: (error as Error & { data?: { code: string } }).data?.code ?? 'none',
      }),
    );
  });
}

describe('the socket handshake', () => {
  it('refuses a connection without a token, saying why', async () => {
    expect(await outcome(connect())).toEqual({ connected: false, code: 'UNAUTHENTICATED' });
  });

  it('refuses a revoked token', async () => {
    const person = await signUp(hub);
    await hub.call('signOut', { token: person.token });
    expect(await outcome(connect(person.token))).toEqual({
      connected: false,
      code: 'TOKEN_REVOKED',
    });
  });

  it('accepts a valid token and answers a ping with an ack', async () => {
    const person = await signUp(hub);
    const socket = connect(person.token);
    expect(await outcome(socket)).toEqual({ connected: true });
    const reply = await socket.emitWithAck('hub:ping');
    expect(reply).toEqual({
      ok: true,
      data: { node: expect.any(String), serverTime: expect.any(String) },
    });
  });
});

describe('live account events', () => {
  it("pushes an account change to the person's other devices", async () => {
    const person = await signUp(hub);
    const socket = connect(person.token);
    await outcome(socket);
    const received = new Promise((resolve) => socket.once('account:updated', resolve));
    await hub.call('updateMe', { token: person.token, body: { bio: 'Changed on my phone' } });
    expect(await received).toMatchObject({ username: person.username, bio: 'Changed on my phone' });
  });

  it('tells every device of a person signed out everywhere, then disconnects them', async () => {
    const person = await signUp(hub);
    const laptop = (
      await hub.call('signIn', {
        body: { username: person.username, password: 'Lantern-Orbit-42' },
      })
    ).body.tokens;
    const phoneSocket = connect(person.token);
    const laptopSocket = connect(laptop.accessToken);
    await Promise.all([outcome(phoneSocket), outcome(laptopSocket)]);
    const notices = [phoneSocket, laptopSocket].map(
      (socket) =>
        new Promise<[RevokedNotice, string]>((resolve) => {
          let notice: RevokedNotice;
          socket.once('auth:revoked', (n) => (notice = n));
          socket.once('disconnect', (reason) => resolve([notice, reason]));
        }),
    );
    await hub.call('signOutEverywhere', { token: person.token });
    for (const [notice, reason] of await Promise.all(notices)) {
      expect(notice).toEqual({ reason: 'signed-out-everywhere' });
      expect(reason).toBe('io server disconnect');
    }
  });

  it('disconnects only the device that signed out', async () => {
    const person = await signUp(hub);
    const laptop = (
      await hub.call('signIn', {
        body: { username: person.username, password: 'Lantern-Orbit-42' },
      })
    ).body.tokens;
    const phoneSocket = connect(person.token);
    const laptopSocket = connect(laptop.accessToken);
    await Promise.all([outcome(phoneSocket), outcome(laptopSocket)]);
    const gone = new Promise((resolve) => phoneSocket.once('disconnect', resolve));
    await hub.call('signOut', { token: person.token });
    await gone;
    expect(laptopSocket.connected).toBe(true);
    expect(await laptopSocket.emitWithAck('hub:ping')).toMatchObject({ ok: true });
  });
});

describe('approvers', () => {
  it('hear at once when a student registers and waits; a teacher does not hear of pending teachers', async () => {
    const admin = await signUp(hub, { role: 'teacher' });
    const teacher = await signUp(hub, { role: 'teacher' });
    await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
    const adminSocket = connect(admin.token);
    const teacherSocket = connect(teacher.token);
    await Promise.all([outcome(adminSocket), outcome(teacherSocket)]);
    await adminSocket.emitWithAck('hub:ping');
    await teacherSocket.emitWithAck('hub:ping');
    // Approvers hear that their approvals list changed (a live hint), then refetch it.
    const teacherHeard: LiveHint[] = [];
    teacherSocket.on('live:changed', (hint) => {
      if (hint.topic === 'staff') teacherHeard.push(hint);
    });
    const pending = async (token: string) =>
      (await hub.call('pendingAccounts', { token })).body.items.map(
        (a: { username: string }) => a.username,
      );
    const adminHeard = nextHint(adminSocket, { topic: 'staff' });
    await hub.call('register', {
      body: {
        username: 'new_teacher',
        firstName: 'New',
        lastName: 'Teacher',
        email: 'nt@school.test',
        password: 'Lantern-Orbit-42',
        role: 'teacher',
      },
    });
    expect(await adminHeard).toEqual({ topic: 'staff', what: 'approvals' });
    expect(await pending(admin.token)).toEqual(['new_teacher']);
    const studentHeard = nextHint(teacherSocket, { topic: 'staff' });
    await hub.call('register', {
      body: {
        username: 'new_student',
        firstName: 'New',
        lastName: 'Student',
        email: 'ns@school.test',
        password: 'Lantern-Orbit-42',
        role: 'student',
      },
    });
    expect(await studentHeard).toEqual({ topic: 'staff', what: 'approvals' });
    expect(teacherHeard).toEqual([{ topic: 'staff', what: 'approvals' }]);
    expect(await pending(teacher.token)).toEqual(['new_student']);
  });
});

describe('hub info', () => {
  it('tells a signed-in person the addresses to share', async () => {
    const person = await signUp(hub);
    const info = await hub.call('hubInfo', { token: person.token });
    expect(info.body).toEqual({ version: expect.any(String), url: hub.url, lanUrls: [] });
    expect((await hub.call('hubInfo')).status).toBe(401);
  });
});
