import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomSummary } from '../../../src-shared/schemas/chat';
import { raw } from '../../support/http';
import { notificationsOfType } from '../../support/inbox';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';
import { TINY_PDF, uploaded } from '../sessions/fixtures';

/*
 * Removing someone else's chat message: the course's teacher in its chat,
 * the session's host in theirs, an admin in any course or session chat.
 * Nobody in a conversation, no classmate, no member. The room sees the
 * message as removed by a moderator; its author is told.
 */

let hub: TestHub;
let admin: Person;
let teacher: Person;
let ann: Person;
let ben: Person;
let courseRoom: string;
let sessionRoom: string;
let directRoom: string;
const sockets: ClientSocket[] = [];

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub);
  teacher = await signUp(hub, { role: 'teacher' });
  ann = await signUp(hub, { firstName: 'Ann' });
  ben = await signUp(hub, { firstName: 'Ben' });
  const course = await hub.call('createCourse', {
    token: teacher.token,
    body: { title: 'Optics', capacity: 10 },
  });
  courseRoom = `course:${course.body.id}`;
  for (const student of [ann, ben])
    await hub.call('enrol', { token: student.token, params: { courseId: course.body.id } });
  // Ann hosts a study session of her own; Ben joins it.
  const session = await hub.call('createSession', {
    token: ann.token,
    body: { title: 'Revision' },
  });
  sessionRoom = `session:${session.body.id}`;
  await hub.call('joinSession', { token: ben.token, body: { token: session.body.joinToken } });
  directRoom = (await hub.call('openDirect', { token: ann.token, body: { userId: ben.id } })).body
    .room;
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

async function online(person: Person): Promise<ClientSocket> {
  const socket = await connectSocket(hub.url, person.token);
  sockets.push(socket);
  return socket;
}

/** `by` says something in `room` (with a file, if given); returns its seq. */
async function say(by: Person, room: string, text: string, fileIds: string[] = []) {
  const sent = await hub.call('sendMessage', {
    token: by.token,
    params: { room },
    body: { clientId: randomUUID(), text, fileIds },
  });
  expect(sent.status).toBe(201);
  return sent.body.seq as number;
}

async function remove(by: Person, room: string, seq: number) {
  const socket = await online(by);
  return socket.emitWithAck('chat:delete', { room, seq });
}

const roomOf = async (person: Person, room: string): Promise<RoomSummary | undefined> =>
  (await hub.call('chatRooms', { token: person.token })).body.items.find(
    (r: RoomSummary) => r.room === room,
  );

describe('removing someone else’s chat message', () => {
  it('the course’s teacher removes a student’s message with its file: the room sees it removed, the author is told', async () => {
    const fileId = await uploaded(hub, ann, TINY_PDF, 'answers.pdf');
    const seq = await say(ann, courseRoom, 'Here are the quiz answers', [fileId]);
    const benSocket = await online(ben);
    const seen = nextEvent(benSocket, 'chat:message-updated');

    const removed = await remove(teacher, courseRoom, seq);
    expect(removed).toMatchObject({
      ok: true,
      data: { seq, deleted: true, removedByModerator: true, text: '', files: [] },
    });
    expect(await seen).toMatchObject({ seq, deleted: true, removedByModerator: true, text: '' });
    const history = await hub.call('chatHistory', {
      token: ben.token,
      params: { room: courseRoom },
    });
    expect(history.body.items[0]).toMatchObject({ seq, deleted: true, removedByModerator: true });
    const file = await raw(
      hub.url,
      `/api/chat/rooms/${encodeURIComponent(courseRoom)}/messages/${seq}/files/${fileId}`,
      { headers: { authorization: `Bearer ${teacher.token}` } },
    );
    expect(file.status).toBe(404);

    await expect
      .poll(async () => (await notificationsOfType(hub, ann, 'chat-message-removed'))[0])
      .toMatchObject({
        read: false,
        params: {
          roomTitle: expect.stringContaining('Optics'),
          excerpt: 'Here are the quiz answers',
        },
        target: { kind: 'message', room: courseRoom, seq },
      });
  });

  it('an admin removes in a course they do not teach, and a session host in their session', async () => {
    const inCourse = await say(ben, courseRoom, 'spam');
    expect(await remove(admin, courseRoom, inCourse)).toMatchObject({
      ok: true,
      data: { deleted: true, removedByModerator: true },
    });
    const inSession = await say(ben, sessionRoom, 'off topic');
    expect(await remove(ann, sessionRoom, inSession)).toMatchObject({
      ok: true,
      data: { deleted: true, removedByModerator: true },
    });
    await expect
      .poll(async () => (await notificationsOfType(hub, ben, 'chat-message-removed')).length)
      .toBe(2);
  });

  it('is refused to a classmate, a session member and the other person of a conversation, each told why', async () => {
    const annInCourse = await say(ann, courseRoom, 'mine');
    expect(await remove(ben, courseRoom, annInCourse)).toMatchObject({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message:
          'Only the teacher of this chat, its host or an admin can remove other people’s messages.',
      },
    });
    const hostsMessage = await say(ann, sessionRoom, 'welcome');
    expect(await remove(ben, sessionRoom, hostsMessage)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const direct = await say(ann, directRoom, 'just between us');
    expect(await remove(ben, directRoom, direct)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You can delete only your own messages.' },
    });
    // An admin does not read other people's conversations, so cannot remove from them either.
    expect(await remove(admin, directRoom, direct)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This is not one of your conversations.' },
    });
    const history = await hub.call('chatHistory', {
      token: ann.token,
      params: { room: courseRoom },
    });
    expect(history.body.items[0]).toMatchObject({ seq: annInCourse, deleted: false, text: 'mine' });
  });

  it('leaves an author’s own deletion unmarked and unannounced; a moderator still edits only their own', async () => {
    const seq = await say(ann, courseRoom, 'oops');
    expect(
      await (await online(teacher)).emitWithAck('chat:edit', { room: courseRoom, seq, text: 'no' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You can edit only your own messages.' },
    });
    const own = await remove(ann, courseRoom, seq);
    expect(own).toMatchObject({ ok: true, data: { deleted: true } });
    expect(own.ok && own.data.removedByModerator).toBeUndefined();
    expect(await remove(teacher, courseRoom, seq)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This message was deleted.' },
    });
    // A later notification proves none was made for Ann's own deletion.
    const later = await say(ben, courseRoom, 'later');
    await remove(teacher, courseRoom, later);
    await expect
      .poll(async () => (await notificationsOfType(hub, ben, 'chat-message-removed')).length)
      .toBe(1);
    expect(await notificationsOfType(hub, ann, 'chat-message-removed')).toEqual([]);
  });

  it('still works in an archived course, whose chat takes no new messages: the teacher cleans it, the author cannot', async () => {
    const seq = await say(ann, courseRoom, 'before the end of term');
    const other = await say(ben, courseRoom, 'also before');
    await hub.call('updateCourse', {
      token: teacher.token,
      params: { courseId: courseRoom.slice('course:'.length) },
      body: { archived: true },
    });
    expect(await remove(ann, courseRoom, seq)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('archived') },
    });
    expect(await remove(teacher, courseRoom, other)).toMatchObject({
      ok: true,
      data: { seq: other, removedByModerator: true },
    });
  });

  it('tells an outsider nothing of which messages exist', async () => {
    const outsider = await signUp(hub);
    const seq = await say(ann, courseRoom, 'hello');
    const existing = await remove(outsider, courseRoom, seq);
    const missing = await remove(outsider, courseRoom, seq + 50);
    expect(existing).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(missing).toEqual(existing);
  });

  it('is offered by the room list to the rooms’ moderators only', async () => {
    expect(await roomOf(teacher, courseRoom)).toMatchObject({ moderator: true });
    expect(await roomOf(ann, courseRoom)).toMatchObject({ moderator: false });
    expect(await roomOf(ann, sessionRoom)).toMatchObject({ moderator: true });
    expect(await roomOf(ben, sessionRoom)).toMatchObject({ moderator: false });
    expect(await roomOf(ann, directRoom)).toMatchObject({ moderator: false });
    expect(await roomOf(ben, directRoom)).toMatchObject({ moderator: false });
  });
});

describe('an admin looking into a chat', () => {
  it('reads a course chat they are not in, as its moderator, and not a conversation', async () => {
    const one = (person: Person, room: string) =>
      hub.call('chatRoom', { token: person.token, params: { room } });
    await say(ann, courseRoom, 'hello');
    expect((await one(admin, courseRoom)).body).toMatchObject({
      room: courseRoom,
      kind: 'course',
      title: expect.stringContaining('Optics'),
      lastSeq: 1,
      moderator: true,
    });
    expect((await one(ann, courseRoom)).body).toMatchObject({ moderator: false });
    const outsider = await signUp(hub);
    const refused = await one(outsider, courseRoom);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Enrol in this course/);
    expect((await one(admin, directRoom)).status).toBe(403);
  });

  it('follows it live while watching, and no longer after; a member’s own room stays', async () => {
    const adminSocket = await online(admin);
    const annSocket = await online(ann);
    const heard = collect(adminSocket, 'chat:message');
    expect(await adminSocket.emitWithAck('chat:watch', { room: courseRoom })).toMatchObject({
      ok: true,
    });
    const arrived = nextEvent(adminSocket, 'chat:message');
    await say(ben, courseRoom, 'live to the admin');
    expect(await arrived).toMatchObject({ room: courseRoom, text: 'live to the admin' });

    await adminSocket.emitWithAck('chat:unwatch', { room: courseRoom });
    // Ann unwatches her own course's chat: she is in it, so nothing changes for her.
    await annSocket.emitWithAck('chat:unwatch', { room: courseRoom });
    const toAnn = nextEvent(annSocket, 'chat:message');
    await say(ben, courseRoom, 'after');
    expect(await toAnn).toMatchObject({ text: 'after' });
    // Ann's socket heard "after"; the admin's was already out of the room when it was sent.
    expect(heard.map((m) => m.text)).toEqual(['live to the admin']);
  });

  it('is refused to someone who may not read the chat, who hears nothing', async () => {
    const outsider = await signUp(hub);
    const socket = await online(outsider);
    const heard = collect(socket, 'chat:message');
    expect(await socket.emitWithAck('chat:watch', { room: courseRoom })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await socket.emitWithAck('chat:watch', { room: 'nonsense' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    const own = nextEvent(await online(ann), 'chat:message');
    await say(ben, courseRoom, 'members only');
    await own;
    expect(heard).toEqual([]);
  });
});
