import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub;
let host: Person;
let member: Person;
let outsider: Person;
let sessionId: string;
const sockets: ClientSocket[] = [];

async function watching(person: Person): Promise<ClientSocket> {
  const socket = await connectSocket(hub.url, person.token);
  sockets.push(socket);
  const reply = await socket.emitWithAck('session:watch', { sessionId });
  expect(reply).toEqual({ ok: true, data: { sessionId } });
  return socket;
}

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  await signUp(hub); // the admin
  host = await signUp(hub, { role: 'teacher' });
  member = await signUp(hub);
  outsider = await signUp(hub);
  const session = await hub.call('createSession', {
    token: host.token,
    body: { title: 'Study group' },
  });
  sessionId = session.body.id;
  await hub.call('joinSession', { token: member.token, body: { token: session.body.joinToken } });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

describe('live session traffic', () => {
  it('delivers a new post to everyone watching, each with their own permissions', async () => {
    const hostSocket = await watching(host);
    const memberSocket = await watching(member);
    const toHost = nextEvent(hostSocket, 'post:created');
    const toMember = nextEvent(memberSocket, 'post:created');
    await hub.call('createPost', {
      token: member.token,
      params: { sessionId },
      body: { text: 'My notes' },
    });
    expect(await toHost).toMatchObject({
      text: 'My notes',
      permissions: { canEdit: false, canDelete: true },
    });
    expect(await toMember).toMatchObject({
      text: 'My notes',
      permissions: { canEdit: true, canDelete: true },
    });
  });

  it('delivers edits, deletions and comments', async () => {
    const hostSocket = await watching(host);
    const post = (
      await hub.call('createPost', {
        token: member.token,
        params: { sessionId },
        body: { text: 'v1' },
      })
    ).body;
    const edited = nextEvent(hostSocket, 'post:updated');
    await hub.call('updatePost', {
      token: member.token,
      params: { postId: post.id },
      body: { text: 'v2' },
    });
    expect(await edited).toMatchObject({ id: post.id, text: 'v2', editedAt: expect.any(String) });
    const commented = nextEvent(hostSocket, 'comment:created');
    await hub.call('createComment', {
      token: member.token,
      params: { postId: post.id },
      body: { text: 'first!' },
    });
    expect(await commented).toMatchObject({
      sessionId,
      comment: { text: 'first!', permissions: { canEdit: false, canDelete: true } },
    });
    const deleted = nextEvent(hostSocket, 'post:deleted');
    await hub.call('deletePost', { token: host.token, params: { postId: post.id } });
    expect(await deleted).toEqual({ sessionId, postId: post.id });
  });

  it('refuses to let an outsider watch, and answers a bad payload without dropping the connection', async () => {
    const socket = await connectSocket(hub.url, outsider.token);
    sockets.push(socket);
    const refused = await socket.emitWithAck('session:watch', { sessionId });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const malformed = await socket.emitWithAck('session:watch', { sessionId: 42 } as never);
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await socket.emitWithAck('hub:ping')).toMatchObject({ ok: true });
  });

  it('cuts a blocked member off at once: told why, and no more traffic', async () => {
    const hostSocket = await watching(host);
    const memberSocket = await watching(member);
    const lost = nextEvent(memberSocket, 'session:access-lost');
    const left = nextEvent(hostSocket, 'session:member-left');
    await hub.call('blockMember', { token: host.token, params: { sessionId, userId: member.id } });
    expect(await lost).toEqual({ sessionId, reason: 'blocked' });
    expect(await left).toEqual({ sessionId, userId: member.id });
    const afterwards = collect(memberSocket, 'post:created');
    const hostSees = nextEvent(hostSocket, 'post:created');
    await hub.call('createPost', {
      token: host.token,
      params: { sessionId },
      body: { text: 'after the block' },
    });
    await hostSees;
    expect(afterwards).toEqual([]);
    expect(await memberSocket.emitWithAck('session:watch', { sessionId })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('tells everyone watching when the session is deleted', async () => {
    const memberSocket = await watching(member);
    const lost = nextEvent(memberSocket, 'session:access-lost');
    await hub.call('deleteSession', { token: host.token, params: { sessionId } });
    expect(await lost).toEqual({ sessionId, reason: 'deleted' });
  });

  it('announces new members to the room', async () => {
    const hostSocket = await watching(host);
    const joined = nextEvent(hostSocket, 'session:member-joined');
    const token = (await hub.call('session', { token: host.token, params: { sessionId } })).body
      .joinToken;
    await hub.call('joinSession', { token: outsider.token, body: { token } });
    expect(await joined).toMatchObject({
      sessionId,
      member: { role: 'member', user: { username: outsider.username } },
    });
  });
});
