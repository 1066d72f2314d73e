import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../src-shared/schemas/notifications';
import { notificationsOfType } from '../../support/inbox';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * Notifications the old systems sent that ClassHub had left out: EduStream's
 * status-update signal (to the people who share a course with the author)
 * and CSBox's "a member left your session" (to the host).
 */
let hub: TestHub;
let teacher: Person;
let author: Person;
let classmate: Person;
let stranger: Person;
let otherTeacher: Person;
let courseId: string;

const ofType = (person: Person, type: Notification['type']) =>
  notificationsOfType(hub, person, type);

beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  await signUp(hub, { role: 'teacher' }); // the admin
  teacher = await signUp(hub, { role: 'teacher' });
  otherTeacher = await signUp(hub, { role: 'teacher' });
  author = await signUp(hub, { firstName: 'Emma', lastName: 'Stone' });
  classmate = await signUp(hub);
  stranger = await signUp(hub);
  courseId = (
    await hub.call('createCourse', { token: teacher.token, body: { title: 'Optics', capacity: 9 } })
  ).body.id;
  for (const s of [author, classmate])
    await hub.call('enrol', { token: s.token, params: { courseId } });
  // The stranger is in another teacher's course only.
  const otherCourse = (
    await hub.call('createCourse', {
      token: otherTeacher.token,
      body: { title: 'Botany', capacity: 9 },
    })
  ).body.id;
  await hub.call('enrol', { token: stranger.token, params: { courseId: otherCourse } });
});
afterAll(() => hub.stop());

describe('a status update', () => {
  it('notifies the teacher and classmates of the author’s courses, live, opening it on the profile — not strangers or the author', async () => {
    const socket = await connectSocket(hub.url, classmate.token);
    const live = collect(socket, 'notification:new');
    const posted = await hub.call('postStatusUpdate', {
      token: author.token,
      body: { text: 'Lab notes for week 3 are up on my profile.' },
    });
    expect(posted.status).toBe(201);

    for (const person of [teacher, classmate]) {
      await expect.poll(async () => (await ofType(person, 'status-update')).length).toBe(1);
      const [note] = await ofType(person, 'status-update');
      expect(note).toMatchObject({
        read: false,
        params: { authorName: 'Emma Stone', excerpt: 'Lab notes for week 3 are up on my profile.' },
        target: { kind: 'person', username: author.username, statusUpdateId: posted.body.id },
      });
    }
    await expect.poll(() => live.map((n) => n.type)).toContain('status-update');
    socket.disconnect();
    for (const person of [author, stranger, otherTeacher])
      expect(await ofType(person, 'status-update')).toEqual([]);
  });

  it('from a teacher reaches the students of their courses', async () => {
    await hub.call('postStatusUpdate', {
      token: teacher.token,
      body: { text: 'Office hours moved to Thursday.' },
    });
    const fromTeacher = async (person: Person) =>
      (await ofType(person, 'status-update')).filter(
        (n) => n.target.kind === 'person' && n.target.username === teacher.username,
      );
    for (const person of [author, classmate])
      await expect.poll(async () => (await fromTeacher(person)).length).toBe(1);
    expect(await ofType(stranger, 'status-update')).toEqual([]);
  });
});

describe('a member leaving a session', () => {
  it('tells the host, opening the session; a removal does not tell the host of their own act', async () => {
    const session = (
      await hub.call('createSession', { token: classmate.token, body: { title: 'Study group' } })
    ).body;
    for (const person of [author, stranger])
      expect(
        (
          await hub.call('joinSession', {
            token: person.token,
            body: { token: session.joinToken },
          })
        ).status,
      ).toBe(200);

    expect(
      (await hub.call('leaveSession', { token: author.token, params: { sessionId: session.id } }))
        .status,
    ).toBe(204);
    await expect.poll(async () => (await ofType(classmate, 'session-left')).length).toBe(1);
    const [left] = await ofType(classmate, 'session-left');
    expect(left).toMatchObject({
      params: { memberName: 'Emma Stone', sessionTitle: 'Study group' },
      target: { kind: 'session', sessionId: session.id },
    });

    await hub.call('removeMember', {
      token: classmate.token,
      params: { sessionId: session.id, userId: stranger.id },
    });
    await expect.poll(async () => (await ofType(stranger, 'session-removed')).length).toBe(1);
    expect(await ofType(classmate, 'session-left')).toHaveLength(1);
    expect(await ofType(author, 'session-left')).toEqual([]);
  });
});

describe('words someone else took down', () => {
  it('tell a post’s author when the host deletes it, and a commenter when the post’s owner deletes their comment', async () => {
    const session = (
      await hub.call('createSession', { token: teacher.token, body: { title: 'Lab hour' } })
    ).body;
    for (const person of [author, classmate])
      await hub.call('joinSession', { token: person.token, body: { token: session.joinToken } });
    const post = (
      await hub.call('createPost', {
        token: author.token,
        params: { sessionId: session.id },
        body: { text: 'My lab questions' },
      })
    ).body;
    const comment = (
      await hub.call('createComment', {
        token: classmate.token,
        params: { postId: post.id },
        body: { text: 'Off-topic remark' },
      })
    ).body;

    expect(
      (await hub.call('deleteComment', { token: author.token, params: { commentId: comment.id } }))
        .status,
    ).toBe(204);
    await expect.poll(async () => (await ofType(classmate, 'comment-removed')).length).toBe(1);
    expect((await ofType(classmate, 'comment-removed'))[0]).toMatchObject({
      params: { sessionTitle: 'Lab hour', excerpt: 'Off-topic remark' },
      target: { kind: 'post', sessionId: session.id, postId: post.id },
    });

    expect(
      (await hub.call('deletePost', { token: teacher.token, params: { postId: post.id } })).status,
    ).toBe(204);
    await expect.poll(async () => (await ofType(author, 'post-removed')).length).toBe(1);
    expect((await ofType(author, 'post-removed'))[0]).toMatchObject({
      params: { sessionTitle: 'Lab hour', excerpt: 'My lab questions' },
      target: { kind: 'session', sessionId: session.id },
    });
  });

  it('tell no one when people delete their own', async () => {
    const session = (
      await hub.call('createSession', { token: teacher.token, body: { title: 'Own words' } })
    ).body;
    await hub.call('joinSession', { token: stranger.token, body: { token: session.joinToken } });
    const post = (
      await hub.call('createPost', {
        token: stranger.token,
        params: { sessionId: session.id },
        body: { text: 'Typo post' },
      })
    ).body;
    const comment = (
      await hub.call('createComment', {
        token: stranger.token,
        params: { postId: post.id },
        body: { text: 'Typo comment' },
      })
    ).body;
    await hub.call('deleteComment', { token: stranger.token, params: { commentId: comment.id } });
    await hub.call('deletePost', { token: stranger.token, params: { postId: post.id } });
    // A later notification to the same person proves the deletions were handled before it.
    await hub.call('postStatusUpdate', { token: otherTeacher.token, body: { text: 'Marker' } });
    await expect.poll(async () => (await ofType(stranger, 'status-update')).length).toBe(1);
    expect(await ofType(stranger, 'post-removed')).toEqual([]);
    expect(await ofType(stranger, 'comment-removed')).toEqual([]);
    expect(await ofType(teacher, 'post-removed')).toEqual([]);
  });
});
