import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startChildHub, type ChildHub } from '../support/child-hub';
import { FaultyFileSystem } from '../support/faulty-file-system';
import { call } from '../support/http';
import { GOOD_PASSWORD, newcomer, signUp } from '../support/people';
import { connectSocket, type ClientSocket } from '../support/sockets';
import { startHub, type TestHub } from '../support/start-hub';
import { fillDisk, mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../support/tmpfs';
import { describeOnLowdb, testEngine } from '../support/test-engine';

// Tests of the lowdb data folder itself: skipped on PostgreSQL, saying why.
const lowdbDescribe = describeOnLowdb('disk faults are injected under the lowdb data folder');

const FULL = { status: 507, body: { error: { code: 'STORAGE_FULL' } } };
/** Longer than a memory page, so it never fits in the unused end of a full disk's last page. */
const long = (label: string) => `${label} ${'x'.repeat(3990 - label.length)}`;
const labels = (items: { text: string }[]) => items.map((item) => item.text.split(' ')[0]);
/** The hub writes its reserved-space file in the background after start; a test fills the disk only after. */
const reserveWritten = (dataDir: string) =>
  vi.waitFor(async () => {
    expect((await stat(join(dataDir, 'reserved-space'))).size).toBe(8 * 1024 * 1024);
  });

/**
 * A full disk must not stop the hub: a write is refused with a clear
 * STORAGE_FULL, reads and sign-ins keep working, writes work again once space
 * is freed, and no acknowledged message is lost across a restart.
 */
lowdbDescribe('a full disk, injected under the storage code', () => {
  let hub: TestHub | undefined;
  const sockets: ClientSocket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.disconnect();
    await hub?.stop();
    hub = undefined;
  });

  it('refuses chat with 507 STORAGE_FULL over REST and sockets, keeps sign-in and history, and recovers by itself', async () => {
    const faults = new FaultyFileSystem();
    hub = await startHub({ verification: 'none', fileSystem: faults });
    await signUp(hub); // the admin
    const host = await signUp(hub, { role: 'teacher' });
    const memberInput = newcomer();
    const member = await signUp(hub, memberInput);
    const session = await hub.call('createSession', { token: host.token, body: { title: 'Art' } });
    await hub.call('joinSession', { token: member.token, body: { token: session.body.joinToken } });
    const room = `session:${session.body.id as string}`;
    const send = (text: string) =>
      hub!.call('sendMessage', {
        token: member.token,
        params: { room },
        body: { clientId: randomUUID(), text },
      });
    expect((await send('before')).status).toBe(201);
    await reserveWritten(hub.dataDir);

    faults.limitSpace(0);
    const refused = await send('refused');
    const socket = await connectSocket(hub.url, member.token);
    sockets.push(socket);
    const ack = await socket.emitWithAck('chat:send', {
      room,
      clientId: randomUUID(),
      text: 'refused too',
    });

    expect(refused).toMatchObject(FULL);
    expect(refused.body.error.message).toMatch(/^The hub's disk is full/);
    expect(ack).toMatchObject({ ok: false, error: { code: 'STORAGE_FULL' } });
    const signIn = await hub.call('signIn', {
      body: { username: memberInput.username, password: GOOD_PASSWORD },
    });
    expect(signIn.status).toBe(200);
    const history = await hub.call('chatHistory', { token: host.token, params: { room } });
    expect(history.status).toBe(200);
    expect(labels(history.body.items)).toEqual(['before']);

    faults.freeSpace();
    expect((await send('after')).status).toBe(201);
    const dataDir = hub.dataDir;
    await hub.close();
    hub = await startHub({ verification: 'none', dataDir });
    const again = await hub.call('chatHistory', { token: host.token, params: { room } });
    expect(labels(again.body.items)).toEqual(['after', 'before']);
    await rm(dataDir, { recursive: true, force: true });
  });
});

const unavailable = await tmpfsUnavailable();
if (unavailable) console.warn(`skipping the real full-disk hub test: ${unavailable}`);

describe.skipIf(unavailable !== undefined || testEngine() === 'postgres')(
  'a hub whose data folder is on a real disk that fills up (tmpfs)',
  () => {
    let disk: Tmpfs | undefined;
    let child: ChildHub | undefined;
    afterEach(async () => {
      child?.process.kill('SIGKILL');
      await child?.exited;
      child = undefined;
      await disk?.unmount();
      disk = undefined;
    });

    it('stays up, answers 507, lets people sign in and read, recovers when space is freed, and keeps every acknowledged message across restarts on a still-full disk', async () => {
      const mounted = await mountTmpfs(64 * 1024 * 1024);
      if (typeof mounted === 'string') throw new Error(mounted);
      disk = mounted;
      const dataDir = join(disk.path, 'hub');
      const filler = join(disk.path, 'filler');
      child = await startChildHub(dataDir);
      let url = child.url;
      const owner = newcomer({ username: 'owner', role: 'teacher' });
      await call(url, 'register', { body: owner });
      const signIn = async () => {
        const reply = await call(url, 'signIn', {
          body: { username: 'owner', password: owner.password },
        });
        return { status: reply.status, token: reply.body?.tokens?.accessToken as string };
      };
      let { token } = await signIn();
      const session = await call(url, 'createSession', { token, body: { title: 'Physics' } });
      const room = `session:${session.body.id as string}`;
      const acknowledged: string[] = [];
      const send = async (label: string) => {
        const reply = await call(url, 'sendMessage', {
          token,
          params: { room },
          body: { clientId: randomUUID(), text: long(label) },
        });
        if (reply.status === 201) acknowledged.push(label);
        return reply;
      };
      const history = async () => {
        const reply = await call(url, 'chatHistory', {
          token,
          params: { room },
          query: { limit: 100 },
        });
        expect(reply.status).toBe(200);
        return labels(reply.body.items).reverse();
      };
      for (const label of ['m1', 'm2', 'm3']) expect((await send(label)).status).toBe(201);

      await fillDisk(filler);
      expect(await send('refused1')).toMatchObject(FULL);
      expect(await send('refused2')).toMatchObject(FULL);
      expect(child.process.exitCode).toBeNull();
      const whileFull = await signIn();
      expect(whileFull.status).toBe(200);
      token = whileFull.token;
      expect(await history()).toEqual(acknowledged);

      // Restart while the disk is still full: the hub starts, and signing in still works.
      child.process.kill('SIGTERM');
      expect(await child.exited).toBe(0);
      child = await startChildHub(dataDir);
      url = child.url;
      const afterRestart = await signIn();
      expect(afterRestart.status).toBe(200);
      token = afterRestart.token;
      expect(await send('refused3')).toMatchObject(FULL);
      expect(await history()).toEqual(acknowledged);

      await rm(filler);
      expect((await send('m4')).status).toBe(201);
      expect((await send('m5')).status).toBe(201);

      child.process.kill('SIGKILL');
      await child.exited;
      child = await startChildHub(dataDir);
      url = child.url;
      token = (await signIn()).token;
      expect(await history()).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
      expect(acknowledged).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    }, 120_000);
  },
);
