import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { collect, nextEvent } from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';
import { startChatScene, type ChatScene } from './chat-scene';

/** A person's presence, typing and read positions in chat (the messages themselves: chat.test.ts). */
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
