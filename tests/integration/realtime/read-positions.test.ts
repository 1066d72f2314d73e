import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { signUp } from '../../support/people';
import { connectSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';

let dataDir: string;
let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('read positions', () => {
  it('are kept in memory on the send path and written in the background and at close: a restart keeps them', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'classhub-read-'));
    hub = await startHub({ dataDir, verification: 'none' });
    const host = await signUp(hub, { role: 'teacher' });
    const member = await signUp(hub);
    const session = (await hub.call('createSession', { token: host.token, body: { title: 'S' } }))
      .body;
    await hub.call('joinSession', { token: member.token, body: { token: session.joinToken } });
    const room = `session:${session.id}`;
    const [hostSocket, memberSocket] = await Promise.all([
      connectSocket(hub.url, host.token),
      connectSocket(hub.url, member.token),
    ]);
    for (let i = 0; i < 5; i++)
      expect(
        await hostSocket.emitWithAck('chat:send', { room, clientId: randomUUID(), text: `m${i}` }),
      ).toMatchObject({ ok: true });
    expect(await memberSocket.emitWithAck('chat:read', { room, seq: 3 })).toEqual({
      ok: true,
      data: { room, readSeq: 3 },
    });
    const unread = async (token: string) =>
      (await hub!.call('chatRooms', { token })).body.items[0].unread;
    expect([await unread(host.token), await unread(member.token)]).toEqual([0, 2]);
    hostSocket.disconnect();
    memberSocket.disconnect();
    await hub.close();

    hub = await startHub({ dataDir, verification: 'none' });
    const signIn = (username: string) =>
      hub!.call('signIn', { body: { username, password: 'Lantern-Orbit-42' } });
    const hostToken = (await signIn(host.username)).body.tokens.accessToken;
    const memberToken = (await signIn(member.username)).body.tokens.accessToken;
    expect([await unread(hostToken), await unread(memberToken)]).toEqual([0, 2]);
  });
});
