import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw } from '../../support/http';
import { TINY_PNG, upload } from '../../support/files';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub;
let admin: Person;
let student: Person;
let teacher: Person;
beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub, { role: 'teacher', username: 'headteacher' });
  student = await signUp(hub, {
    role: 'student',
    username: 'emma1',
    firstName: 'Emma',
    lastName: 'Stone',
  });
  teacher = await signUp(hub, {
    role: 'teacher',
    username: 'prof_davis',
    firstName: 'Alan',
    lastName: 'Davis',
  });
});
afterAll(() => hub.stop());

describe('profiles', () => {
  it('lets a student edit names, bio and student fields, and shows them on the profile', async () => {
    const edited = await hub.call('updateMe', {
      token: student.token,
      body: { bio: 'Likes graphs.', student: { studentId: 'S-1042', enrolmentDate: '2026-09-01' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      bio: 'Likes graphs.',
      student: { studentId: 'S-1042', enrolmentDate: '2026-09-01' },
    });
    const seen = await hub.call('profile', { token: teacher.token, params: { username: 'EMMA1' } });
    expect(seen.body).toMatchObject({
      username: 'emma1',
      bio: 'Likes graphs.',
      student: { studentId: 'S-1042' },
    });
  });

  it('refuses teacher fields on a student account, naming the field', async () => {
    const reply = await hub.call('updateMe', {
      token: student.token,
      body: { teacher: { title: 'Dr' } },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields[0].path).toBe('teacher');
  });

  it('refuses unknown fields instead of silently ignoring them', async () => {
    const reply = await hub.call('updateMe', { token: student.token, body: { role: 'teacher' } });
    expect(reply.status).toBe(400);
    expect((await hub.call('me', { token: student.token })).body.role).toBe('student');
  });

  it('lets a teacher set title, department and years of experience', async () => {
    const reply = await hub.call('updateMe', {
      token: teacher.token,
      body: {
        teacher: { title: 'Professor', department: 'Computer Science', yearsOfExperience: 12 },
      },
    });
    expect(reply.body.teacher).toEqual({
      title: 'Professor',
      department: 'Computer Science',
      yearsOfExperience: 12,
    });
  });

  it('shows emails to teachers and admins but never to students', async () => {
    const byStudent = await hub.call('profile', {
      token: student.token,
      params: { username: 'prof_davis' },
    });
    expect(byStudent.body.email).toBeUndefined();
    const byTeacher = await hub.call('profile', {
      token: teacher.token,
      params: { username: 'emma1' },
    });
    expect(byTeacher.body.email).toBe(student.email);
  });

  it('answers an unknown username with 404', async () => {
    const reply = await hub.call('profile', {
      token: student.token,
      params: { username: 'nobody' },
    });
    expect(reply.status).toBe(404);
    expect(reply.body.error.message).toContain('nobody');
  });
});

describe('avatars', () => {
  it('serves an initials SVG until a picture is uploaded', async () => {
    const me = (await hub.call('me', { token: teacher.token })).body;
    const avatar = await raw(hub.url, me.avatarUrl);
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get('content-type')).toContain('image/svg+xml');
    expect(avatar.body).toContain('>AD<');
  });

  it('answers 401 alike for existing and invented usernames to someone not signed in', async () => {
    const existing = await raw(hub.url, '/api/users/emma1/avatar');
    const invented = await raw(hub.url, '/api/users/no_such_person/avatar');
    const guessedKey = await raw(hub.url, '/api/users/emma1/avatar?k=AAAAAAAAAAAAAAAAAAAAAA');

    for (const reply of [existing, invented, guessedKey]) {
      expect(reply.status).toBe(401);
      expect(reply.body.error.message).toMatch(/Sign in/);
    }
    expect(invented.body).toEqual(existing.body);
  });

  it('loads through the avatarUrl a signed-in person is given, without a token, as an <img> does', async () => {
    const profile = (
      await hub.call('profile', { token: teacher.token, params: { username: 'emma1' } })
    ).body;
    expect(profile.avatarUrl).toMatch(/^\/api\/users\/emma1\/avatar\?k=[\w-]+&v=initials$/);
    const avatar = await raw(hub.url, profile.avatarUrl);
    expect(avatar.status).toBe(200);
    expect(avatar.headers.get('content-type')).toContain('image/svg+xml');
    expect(avatar.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('stores an uploaded PNG by content and serves the same bytes', async () => {
    const reply = await upload(
      `${hub.url}/api/me/avatar`,
      student.token,
      'avatar',
      TINY_PNG,
      'me.png',
      'image/png',
    );
    expect(reply.status).toBe(200);
    const avatar = await fetch(new URL(reply.body.avatarUrl, hub.url));
    expect(avatar.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await avatar.arrayBuffer()).equals(TINY_PNG)).toBe(true);
  });

  it('refuses a file that only claims to be an image', async () => {
    const reply = await upload(
      `${hub.url}/api/me/avatar`,
      student.token,
      'avatar',
      Buffer.from('#!/bin/sh\nrm -rf /\n'),
      'evil.png',
      'image/png',
    );
    expect(reply.status).toBe(415);
    expect(reply.body.error.message).toMatch(/PNG, JPEG, WebP or GIF/);
  });

  it('refuses a picture over the avatar limit with 413 and the limit in the message', async () => {
    await hub.call('updateSettings', { token: admin.token, body: { avatarLimitBytes: 64 * 1024 } });
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(100 * 1024)]);
    const reply = await upload(
      `${hub.url}/api/me/avatar`,
      teacher.token,
      'avatar',
      big,
      'big.png',
      'image/png',
    );
    expect(reply.status).toBe(413);
    expect(reply.body.error.message).toContain('64 KB');
    await hub.call('updateSettings', {
      token: admin.token,
      body: { avatarLimitBytes: 5 * 1024 * 1024 },
    });
  });

  it('refuses an upload without the file field', async () => {
    const reply = await upload(
      `${hub.url}/api/me/avatar`,
      teacher.token,
      'picture',
      TINY_PNG,
      'me.png',
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields[0].path).toBe('avatar');
  });

  it('goes back to initials when the picture is removed', async () => {
    const reply = await hub.call('deleteAvatar', { token: student.token });
    const avatar = await raw(hub.url, reply.body.avatarUrl);
    expect(avatar.headers.get('content-type')).toContain('image/svg+xml');
  });
});

describe('status updates', () => {
  it('posts updates of up to 500 characters and lists them newest first, paginated', async () => {
    for (const text of ['first', 'second', 'third']) {
      expect(
        (await hub.call('postStatusUpdate', { token: teacher.token, body: { text } })).status,
      ).toBe(201);
    }
    const page1 = await hub.call('statusUpdates', {
      token: student.token,
      params: { username: 'prof_davis' },
      query: { pageSize: 2 },
    });
    expect(page1.body).toMatchObject({ page: 1, pageSize: 2, total: 3 });
    expect(page1.body.items.map((u: { text: string }) => u.text)).toEqual(['third', 'second']);
    const page2 = await hub.call('statusUpdates', {
      token: student.token,
      params: { username: 'prof_davis' },
      query: { pageSize: 2, page: 2 },
    });
    expect(page2.body.items.map((u: { text: string }) => u.text)).toEqual(['first']);
  });

  it('refuses an update over 500 characters, and an empty one', async () => {
    const long = await hub.call('postStatusUpdate', {
      token: student.token,
      body: { text: 'x'.repeat(501) },
    });
    expect(long.status).toBe(400);
    expect(long.body.error.details.fields[0]).toEqual({
      path: 'text',
      message: 'A status update can be at most 500 characters.',
    });
    expect(
      (await hub.call('postStatusUpdate', { token: student.token, body: { text: '   ' } })).status,
    ).toBe(400);
  });

  it('lets only the author or an admin delete an update', async () => {
    const posted = await hub.call('postStatusUpdate', {
      token: student.token,
      body: { text: 'mine' },
    });
    const byOther = await hub.call('deleteStatusUpdate', {
      token: teacher.token,
      params: { statusUpdateId: posted.body.id },
    });
    expect(byOther.status).toBe(403);
    expect(
      (
        await hub.call('deleteStatusUpdate', {
          token: admin.token,
          params: { statusUpdateId: posted.body.id },
        })
      ).status,
    ).toBe(204);
    const again = await hub.call('deleteStatusUpdate', {
      token: student.token,
      params: { statusUpdateId: posted.body.id },
    });
    expect(again.status).toBe(404);
  });
});

describe('user search', () => {
  it('finds people by name, ranked, forgiving one typo', async () => {
    const exact = await hub.call('searchUsers', { token: student.token, query: { q: 'davis' } });
    expect(exact.body.items[0].username).toBe('prof_davis');
    const typo = await hub.call('searchUsers', { token: student.token, query: { q: 'daviss' } });
    expect(typo.body.items.map((u: { username: string }) => u.username)).toContain('prof_davis');
    const prefix = await hub.call('searchUsers', { token: student.token, query: { q: 'prof' } });
    expect(prefix.body.items.map((u: { username: string }) => u.username)).toContain('prof_davis');
  });

  it('lets teachers find people by email but never shows or matches emails for students', async () => {
    const byTeacher = await hub.call('searchUsers', {
      token: teacher.token,
      query: { q: student.email },
    });
    expect(byTeacher.body.items[0]).toMatchObject({ username: 'emma1', email: student.email });
    const byStudent = await hub.call('searchUsers', {
      token: student.token,
      query: { q: teacher.email.split('@')[1]! },
    });
    expect(byStudent.body.total).toBe(0);
    const all = await hub.call('searchUsers', { token: student.token });
    expect(all.body.items.every((u: { email?: string }) => u.email === undefined)).toBe(true);
  });

  it('filters by role and paginates with totals', async () => {
    const teachers = await hub.call('searchUsers', {
      token: student.token,
      query: { role: 'teacher', pageSize: 1 },
    });
    expect(teachers.body.total).toBe(2);
    expect(teachers.body.items).toHaveLength(1);
    expect(teachers.body.items[0].role).toBe('teacher');
  });

  it('does not list accounts that are still pending', async () => {
    await hub.call('updateSettings', { token: admin.token, body: { verification: 'approval' } });
    await hub.call('register', {
      body: {
        username: 'waiting_wendy',
        firstName: 'Wendy',
        lastName: 'Wait',
        email: 'wendy@school.test',
        password: 'Lantern-Orbit-42',
        role: 'student',
      },
    });
    const reply = await hub.call('searchUsers', { token: teacher.token, query: { q: 'wendy' } });
    expect(reply.body.total).toBe(0);
    await hub.call('updateSettings', { token: admin.token, body: { verification: 'none' } });
  });
});
