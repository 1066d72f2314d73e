import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../../src-shared/schemas/chat';
import { signUp, type Person } from '../../support/people';
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

  it('lets only the author edit or delete a message, and tells the room', async () => {
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

describe('presence, typing and read markers', () => {
  it('announces who comes and goes to the rooms they are in, each person once however many devices', async () => {
    const hostSocket = await online(host);
    const changes = collect(hostSocket, 'presence:changed');
    const [phone, laptop] = await Promise.all([online(member), online(member), online(outsider)]);
    await expect.poll(() => changes.flatMap((c) => c.online)).toContain(member.id);
    const rooms = await hub.call('chatRooms', { token: host.token });
    expect(rooms.body.items[0].online.sort()).toEqual([host.id, member.id].sort());
    phone!.disconnect();
    laptop!.disconnect();
    await expect.poll(() => changes.flatMap((c) => c.offline)).toContain(member.id);
    const heard = changes.flatMap((c) => [...c.online, ...c.offline]);
    expect(heard.filter((id) => id === member.id)).toHaveLength(2); // came once, went once
    expect(heard).not.toContain(outsider.id);
  });

  it('reports a class connecting at once in batches, not one event per arrival', async () => {
    const students = await Promise.all(Array.from({ length: 12 }, () => signUp(hub)));
    const token = (await hub.call('session', { token: host.token, params: { sessionId } })).body
      .joinToken;
    for (const s of students) await hub.call('joinSession', { token: s.token, body: { token } });
    const hostSocket = await online(host);
    const changes = collect(hostSocket, 'presence:changed');
    await Promise.all(students.map((s) => online(s)));
    const arrived = () => new Set(changes.flatMap((c) => c.online));
    await expect.poll(() => students.every((s) => arrived().has(s.id as never))).toBe(true);
    expect(changes.length).toBeLessThan(students.length);
  });

  it('announces presence to course chats too', async () => {
    const courseId = (
      await hub.call('createCourse', { token: host.token, body: { title: 'Optics', capacity: 5 } })
    ).body.id;
    await hub.call('enrol', { token: outsider.token, params: { courseId } });
    const hostSocket = await online(host);
    const changes = collect(hostSocket, 'presence:changed');
    await online(outsider);
    await expect.poll(() => changes.flatMap((c) => c.online)).toContain(outsider.id);
  });

  it('relays typing to others, at most once every two seconds', async () => {
    const [hostSocket, memberSocket] = await Promise.all([online(host), online(member)]);
    const typing = collect(hostSocket, 'chat:typing');
    const mine = collect(memberSocket, 'chat:typing');
    for (let i = 0; i < 5; i++) memberSocket.emit('chat:typing', { room });
    await hostSocket.emitWithAck('hub:ping');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(typing).toEqual([{ room, userId: member.id, name: 'Robin' }]);
    expect(mine).toEqual([]);
  });

  it('counts unread messages and syncs read markers across a person’s devices', async () => {
    const [hostSocket, phone, laptop] = await Promise.all([
      online(host),
      online(member),
      online(member),
    ]);
    for (let i = 0; i < 3; i++) await send(hostSocket, `news ${i}`);
    const before = await hub.call('chatRooms', { token: member.token });
    expect(before.body.items[0]).toMatchObject({ room, unread: 3, lastSeq: 3, readSeq: 0 });
    const followed = nextEvent(laptop, 'chat:read');
    const echoed = collect(phone, 'chat:read');
    expect(await phone.emitWithAck('chat:read', { room, seq: 2 })).toEqual({
      ok: true,
      data: { room, readSeq: 2 },
    });
    expect(await followed).toEqual({ room, readSeq: 2 });
    // The device that read already knows (its ack): it is not sent its own receipt back.
    await phone.emitWithAck('hub:ping');
    expect(echoed).toEqual([]);
    expect((await hub.call('chatRooms', { token: member.token })).body.items[0].unread).toBe(1);
  });

  it('moves the sender’s read position with their message: their other devices hear it, the sending one is not told again', async () => {
    const [phone, laptop] = await Promise.all([online(member), online(member)]);
    const followed = nextEvent(laptop, 'chat:read');
    const echoed = collect(phone, 'chat:read');
    expect(await send(phone, 'my own news')).toMatchObject({ ok: true, data: { seq: 1 } });
    expect(await followed).toEqual({ room, readSeq: 1 });
    await phone.emitWithAck('hub:ping');
    expect(echoed).toEqual([]);
    expect((await hub.call('chatRooms', { token: member.token })).body.items[0]).toMatchObject({
      readSeq: 1,
      unread: 0,
    });
  });
});

describe('read markers', () => {
  it('are refused for rooms a person is not in, or that do not exist, without learning their length', async () => {
    const dm = (await hub.call('openDirect', { token: member.token, body: { userId: host.id } }))
      .body.room;
    const memberSocket = await online(member);
    await send(memberSocket, 'private', randomUUID(), dm);
    const outsiderSocket = await online(outsider);
    for (const target of [dm, room, `course:${randomUUID()}`, `session:${randomUUID()}`]) {
      const rest = await hub.call('markRoomRead', {
        token: outsider.token,
        params: { room: target },
        body: { seq: 1000 },
      });
      expect([403, 404]).toContain(rest.status);
      expect(JSON.stringify(rest.body)).not.toContain('readSeq');
      const socketReply = await outsiderSocket.emitWithAck('chat:read', {
        room: target,
        seq: 1000,
      });
      expect(socketReply).toMatchObject({ ok: false });
    }
    expect((await hub.call('chatRooms', { token: outsider.token })).body.items).toEqual([]);
    expect(await memberSocket.emitWithAck('chat:read', { room: dm, seq: 1000 })).toEqual({
      ok: true,
      data: { room: dm, readSeq: 1 },
    });
  });
});
