import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../support/people';
import { collect, nextNotification } from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';
import { startChatScene, type ChatScene } from './chat-scene';
import { notificationsOfType } from '../../support/inbox';

let scene: ChatScene;
let hub: TestHub;
let host: Person;
let member: Person;
let sessionId: string;
let online: ChatScene['online'];
let send: ChatScene['send'];

beforeEach(async () => {
  scene = await startChatScene();
  ({ hub, host, member, sessionId, online, send } = scene);
});
afterEach(() => scene.stop());

describe('notifications', () => {
  it('tell members about a new post (not its author), live, and can be marked read one by one or all at once', async () => {
    const [hostSocket, memberSocket] = await Promise.all([online(host), online(member)]);
    const authorGot = collect(hostSocket, 'notification:new');
    const live = nextNotification(memberSocket, 'post-created');
    await hub.call('createPost', {
      token: host.token,
      params: { sessionId },
      body: { text: 'Quiz on Friday' },
    });
    expect(await live).toMatchObject({
      type: 'post-created',
      params: { excerpt: 'Quiz on Friday', sessionTitle: 'Chemistry' },
      target: { kind: 'post', sessionId },
      read: false,
    });
    await hub.call('createPost', {
      token: host.token,
      params: { sessionId },
      body: { text: 'Bring a calculator' },
    });
    await hostSocket.emitWithAck('hub:ping');
    expect(authorGot.filter((n) => n.type === 'post-created')).toEqual([]);

    await expect
      .poll(async () => (await hub.call('notifications', { token: member.token })).body.unread)
      .toBe(2);
    const inbox = await hub.call('notifications', { token: member.token });
    expect(inbox.body.items.map((n: { params: { excerpt: string } }) => n.params.excerpt)).toEqual([
      'Bring a calculator',
      'Quiz on Friday',
    ]);
    expect(
      (await hub.call('markNotificationRead', { token: member.token, params: { seq: '2' } })).body,
    ).toEqual({ unread: 1 });
    expect(
      (await hub.call('notifications', { token: member.token })).body.items.map(
        (n: { read: boolean }) => n.read,
      ),
    ).toEqual([true, false]);
    expect((await hub.call('markAllNotificationsRead', { token: member.token })).body).toEqual({
      unread: 0,
    });
    expect(
      (await hub.call('markNotificationRead', { token: member.token, params: { seq: '99' } }))
        .status,
    ).toBe(404);
  });

  it('tell a member when the host blocks them', async () => {
    await hub.call('blockMember', { token: host.token, params: { sessionId, userId: member.id } });
    await expect
      .poll(async () => (await notificationsOfType(hub, member, 'session-blocked'))[0])
      .toMatchObject({
        type: 'session-blocked',
        params: { sessionTitle: 'Chemistry' },
        target: { kind: 'sessions' },
      });
  });
});

describe('throttling', () => {
  it('slows down a socket that floods the room, with a clear answer', async () => {
    const memberSocket = await online(member);
    const replies = await Promise.all(
      Array.from({ length: 35 }, (_, i) => send(memberSocket, `flood ${i}`)),
    );
    const refused = replies.filter((r) => !r.ok);
    expect(refused.length).toBe(5);
    expect(refused[0]).toMatchObject({
      ok: false,
      error: {
        code: 'TOO_MANY_REQUESTS',
        message: 'You are sending too fast. Wait a few seconds.',
      },
    });
  });
});
