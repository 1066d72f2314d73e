import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src-shared/schemas/chat';
import type { Person } from '../../support/people';
import { collect, nextEvent, nextNotification } from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';
import { startChatScene, type ChatScene } from './chat-scene';

let scene: ChatScene;
let hub: TestHub;
let host: Person;
let member: Person;
let outsider: Person;
let room: string;
let sessionId: string;
let online: ChatScene['online'];
let send: ChatScene['send'];

beforeEach(async () => {
  scene = await startChatScene();
  ({ hub, host, member, outsider, room, sessionId, online, send } = scene);
});
afterEach(() => scene.stop());

describe('session chat', () => {
  it('acknowledges a stored message and delivers it to the members only', async () => {
    const [hostSocket, memberSocket, outsiderSocket] = await Promise.all([
      online(host),
      online(member),
      online(outsider),
    ]);
    const outsiderSaw = collect(outsiderSocket, 'chat:message');
    const arrived = nextEvent(hostSocket, 'chat:message');
    const ack = await send(memberSocket, 'Hello **class**');
    expect(ack).toMatchObject({
      ok: true,
      data: { room, seq: 1, text: 'Hello **class**', deleted: false },
    });
    expect(await arrived).toMatchObject({ seq: 1, author: { username: member.username } });
    expect(outsiderSaw).toEqual([]);
    expect(await send(outsiderSocket, 'let me in')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('stores a resent message once and answers the resend with the same message', async () => {
    const memberSocket = await online(member);
    const clientId = randomUUID();
    const first = await send(memberSocket, 'only once', clientId);
    const again = await send(memberSocket, 'only once', clientId);
    expect(again).toEqual(first);
    const history = await hub.call('chatHistory', { token: host.token, params: { room } });
    expect(history.body.items).toHaveLength(1);
  });

  it('stores two simultaneous sends of one message once', async () => {
    const memberSocket = await online(member);
    const clientId = randomUUID();
    const [a, b] = await Promise.all([
      send(memberSocket, 'racing', clientId),
      send(memberSocket, 'racing', clientId),
    ]);
    expect(a).toEqual(b);
    expect(
      (await hub.call('chatHistory', { token: host.token, params: { room } })).body.items,
    ).toHaveLength(1);
  });

  it('answers a resend after a reconnect with the first copy: the room hears it once, sync holds it once', async () => {
    const hostSocket = await online(host);
    const heard = collect(hostSocket, 'chat:message');
    let memberSocket = await online(member);
    const clientId = randomUUID();
    const first = await send(memberSocket, 'sent before the cut', clientId);
    expect(first).toMatchObject({ ok: true, data: { seq: 1, clientId } });
    // The app never saw the ack (the connection dropped): it reconnects and sends again.
    memberSocket.disconnect();
    memberSocket = await online(member);
    const again = await send(memberSocket, 'sent before the cut', clientId);
    expect(again).toEqual(first);
    // A later message is the barrier: a second copy would have reached the host before it.
    const after = nextEvent(hostSocket, 'chat:message');
    await send(memberSocket, 'next one');
    expect(await after).toMatchObject({ seq: 2, text: 'next one' });
    expect(heard.map((message) => [message.seq, message.clientId])).toEqual([
      [1, clientId],
      [2, expect.any(String)],
    ]);
    const reply = await memberSocket.emitWithAck('sync', { rooms: { [room]: 0 } });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.data.messages.map((m) => [m.seq, m.text])).toEqual([
      [1, 'sent before the cut'],
      [2, 'next one'],
    ]);
  });

  it('sends nothing more to a member once removed', async () => {
    const [hostSocket, memberSocket] = await Promise.all([online(host), online(member)]);
    await send(hostSocket, 'before');
    await hub.call('removeMember', { token: host.token, params: { sessionId, userId: member.id } });
    const after = collect(memberSocket, 'chat:message');
    const hostSees = nextEvent(hostSocket, 'chat:message');
    await send(hostSocket, 'after the removal');
    await hostSees;
    expect(after).toEqual([]);
    expect(await send(memberSocket, 'still here?')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('refuses bad payloads with an error ack and keeps the connection', async () => {
    const memberSocket = await online(member);
    expect(
      await memberSocket.emitWithAck('chat:send', {
        room: 'nonsense',
        clientId: randomUUID(),
        text: 'x',
      }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await send(memberSocket, 'x'.repeat(4001))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { fields: [{ path: 'text' }] } },
    });
    expect(
      await memberSocket.emitWithAck('chat:send', 'not even an object' as never),
    ).toMatchObject({ ok: false });
    expect(await send(memberSocket, '')).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('Write a message') },
    });
    expect(memberSocket.connected).toBe(true);
    expect(await send(memberSocket, 'fine')).toMatchObject({ ok: true });
  });

  it('lets only the author edit a message, and tells the room of the edit and of a deletion', async () => {
    const [hostSocket, memberSocket] = await Promise.all([online(host), online(member)]);
    const sent = (await send(memberSocket, 'typo hre')) as { data: ChatMessage };
    expect(
      await hostSocket.emitWithAck('chat:edit', { room, seq: sent.data.seq, text: 'not mine' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const edited = nextEvent(hostSocket, 'chat:message-updated');
    await memberSocket.emitWithAck('chat:edit', { room, seq: sent.data.seq, text: 'typo here' });
    expect(await edited).toMatchObject({
      seq: sent.data.seq,
      text: 'typo here',
      editedAt: expect.any(String),
    });
    const deleted = nextEvent(hostSocket, 'chat:message-updated');
    await memberSocket.emitWithAck('chat:delete', { room, seq: sent.data.seq });
    expect(await deleted).toMatchObject({ seq: sent.data.seq, deleted: true, text: '' });
  });

  it('pages history newest first with a cursor, without gaps or repeats', async () => {
    // Through REST: the socket would rightly throttle 120 messages in a row.
    for (let i = 1; i <= 120; i++)
      await hub.call('sendMessage', {
        token: member.token,
        params: { room },
        body: { clientId: randomUUID(), text: `m${i}` },
      });
    const seen: number[] = [];
    let before: number | undefined;
    do {
      const page = await hub.call('chatHistory', {
        token: host.token,
        params: { room },
        query: { limit: 50, ...(before ? { before } : {}) },
      });
      seen.push(...page.body.items.map((m: ChatMessage) => m.seq));
      before = page.body.nextBefore;
    } while (before);
    expect(seen).toEqual(Array.from({ length: 120 }, (_, i) => 120 - i));
  });
});

describe('catching up after a cut connection', () => {
  it('gives a reconnecting client exactly what it missed, in order', async () => {
    const hostSocket = await online(host);
    let memberSocket = await online(member);
    await send(hostSocket, 'seen before the cut');
    const lastSeen = 1;
    memberSocket.disconnect();
    for (let i = 0; i < 30; i++)
      await hub.call('sendMessage', {
        token: host.token,
        params: { room },
        body: { clientId: randomUUID(), text: `while away ${i}` },
      });
    await hub.call('createPost', {
      token: host.token,
      params: { sessionId },
      body: { text: 'a post while away' },
    });
    await expect
      .poll(async () => (await hub.call('notifications', { token: member.token })).body.unread)
      .toBe(1);
    memberSocket = await online(member);
    const reply = await memberSocket.emitWithAck('sync', {
      rooms: { [room]: lastSeen },
      notificationsSeq: 0,
    });
    if (!reply.ok) throw new Error(reply.error.message);
    expect(reply.data.messages.map((m) => m.seq)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 2),
    );
    expect(reply.data.messages[0]!.text).toBe('while away 0');
    expect(reply.data.notifications.map((n) => n.type)).toEqual(['post-created']);
    expect(reply.data).toMatchObject({ lostRooms: [], more: false });
  });

  it('reports rooms a client may no longer read instead of sending them', async () => {
    const memberSocket = await online(member);
    await hub.call('blockMember', { token: host.token, params: { sessionId, userId: member.id } });
    const reply = await memberSocket.emitWithAck('sync', { rooms: { [room]: 0 } });
    expect(reply).toMatchObject({ ok: true, data: { messages: [], lostRooms: [room] } });
  });
});

describe('direct messages', () => {
  it('reach both people on every device, and no one else', async () => {
    const opened = await hub.call('openDirect', { token: member.token, body: { userId: host.id } });
    expect(opened.status).toBe(200);
    const dm = opened.body.room;
    const [hostPhone, hostLaptop, memberSocket, outsiderSocket] = await Promise.all([
      online(host),
      online(host),
      online(member),
      online(outsider),
    ]);
    const outsiderSaw = collect(outsiderSocket, 'chat:message');
    const phone = nextEvent(hostPhone, 'chat:message');
    const laptop = nextEvent(hostLaptop, 'chat:message');
    const notified = nextNotification(hostPhone, 'direct-message');
    await send(memberSocket, 'psst', randomUUID(), dm);
    expect(await phone).toMatchObject({ room: dm, text: 'psst' });
    expect(await laptop).toMatchObject({ room: dm, text: 'psst' });
    expect(await notified).toMatchObject({
      type: 'direct-message',
      params: { excerpt: 'psst' },
      target: { kind: 'message', room: dm },
    });
    expect(outsiderSaw).toEqual([]);
  });

  it('are refused between people who share nothing', async () => {
    const reply = await hub.call('openDirect', {
      token: outsider.token,
      body: { userId: member.id },
    });
    expect(reply.status).toBe(403);
  });
});
