import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * One course, its lesson (a course session) and every kind of person, asked
 * the questions the old copies of the access rule answered differently
 * (docs/decisions.md, "One access module").
 */
let hub: TestHub;
let people: Record<Role, Person>;
let courseId: string;
let otherCourseId: string;
let courseRoom: string;
let sessionRoom: string;
type Role = 'teacher' | 'enrolled' | 'blocked' | 'removed' | 'otherStudent' | 'outsider' | 'admin';

beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  const admin = await signUp(hub); // the first account is the admin
  const teacher = await signUp(hub, { role: 'teacher' });
  const [enrolled, blocked, removed, otherStudent, outsider] = await Promise.all(
    Array.from({ length: 5 }, () => signUp(hub)),
  );
  people = {
    teacher,
    enrolled,
    blocked,
    removed,
    otherStudent,
    outsider: outsider!,
    admin,
  } as Record<Role, Person>;
  courseId = (
    await hub.call('createCourse', { token: teacher.token, body: { title: 'Optics', capacity: 9 } })
  ).body.id;
  otherCourseId = (
    await hub.call('createCourse', { token: teacher.token, body: { title: 'Waves', capacity: 9 } })
  ).body.id;
  courseRoom = `course:${courseId}`;
  for (const p of [enrolled!, blocked!, removed!])
    expect((await hub.call('enrol', { token: p.token, params: { courseId } })).status).toBe(200);
  await hub.call('enrol', { token: otherStudent!.token, params: { courseId: otherCourseId } });
  const session = await hub.call('createSession', {
    token: teacher.token,
    body: { title: 'Lesson 1', courseId },
  });
  sessionRoom = `session:${session.body.id}`;
  for (const p of [enrolled!, blocked!, removed!])
    await hub.call('joinSession', { token: p.token, body: { token: session.body.joinToken } });
  await hub.call('setEnrolmentStatus', {
    token: teacher.token,
    params: { courseId, userId: blocked!.id },
    body: { status: 'blocked' },
  });
  await hub.call('removeEnrolment', {
    token: teacher.token,
    params: { courseId, userId: removed!.id },
  });
});
afterAll(() => hub.stop());

const read = (who: Role, room: string) =>
  hub.call('chatHistory', { token: people[who].token, params: { room } }).then((r) => r.status);
const write = (who: Role, room: string) =>
  hub
    .call('sendMessage', {
      token: people[who].token,
      params: { room },
      body: { clientId: randomUUID(), text: `from ${who}` },
    })
    .then((r) => r.status);
const roles: Role[] = [
  'teacher',
  'enrolled',
  'blocked',
  'removed',
  'otherStudent',
  'outsider',
  'admin',
];
const each = async (ask: (who: Role) => Promise<number>) => {
  const answers: Record<string, number> = {};
  for (const who of roles) answers[who] = await ask(who);
  return answers;
};

describe('one access rule for a course, its lesson and their chats', () => {
  it('shows the course’s materials to its people and to an admin looking in', async () => {
    expect(
      await each((who) =>
        hub
          .call('materials', { token: people[who].token, params: { courseId } })
          .then((r) => r.status),
      ),
    ).toEqual({
      teacher: 200,
      enrolled: 200,
      blocked: 403,
      removed: 403,
      otherStudent: 403,
      outsider: 403,
      admin: 200,
    });
  });

  it('lets the same people read the course chat, and only its own people write in it', async () => {
    expect(await each((who) => read(who, courseRoom))).toEqual({
      teacher: 200,
      enrolled: 200,
      blocked: 403,
      removed: 403,
      otherStudent: 403,
      outsider: 403,
      admin: 200,
    });
    expect(await each((who) => write(who, courseRoom))).toEqual({
      teacher: 201,
      enrolled: 201,
      blocked: 403,
      removed: 403,
      otherStudent: 403,
      outsider: 403,
      admin: 403,
    });
  });

  it('applies the course rule to its lesson’s chat: a blocked or removed student is out of both', async () => {
    expect(await each((who) => read(who, sessionRoom))).toEqual({
      teacher: 200,
      enrolled: 200,
      blocked: 403,
      removed: 403,
      otherStudent: 403,
      outsider: 403,
      admin: 200,
    });
    expect(await each((who) => write(who, sessionRoom))).toEqual({
      teacher: 201,
      enrolled: 201,
      blocked: 403,
      removed: 403,
      otherStudent: 403,
      outsider: 403,
      admin: 403,
    });
  });

  it('lists the course and lesson chats for exactly the people who may write in them', async () => {
    const listed = await each(async (who) => {
      const rooms = (await hub.call('chatRooms', { token: people[who].token })).body.items as {
        room: string;
      }[];
      return rooms.filter((r) => r.room === courseRoom || r.room === sessionRoom).length;
    });
    expect(listed).toEqual({
      teacher: 2,
      enrolled: 2,
      blocked: 0,
      removed: 0,
      otherStudent: 0,
      outsider: 0,
      admin: 0,
    });
  });

  it('lets people message the teacher only when they share a place with them (or one is an admin)', async () => {
    expect(
      await each(async (who) =>
        who === 'teacher'
          ? 0
          : (
              await hub.call('openDirect', {
                token: people[who].token,
                body: { userId: people.teacher.id },
              })
            ).status,
      ),
    ).toEqual({
      teacher: 0,
      enrolled: 200,
      blocked: 403,
      removed: 403,
      otherStudent: 200,
      outsider: 403,
      admin: 200,
    });
  });

  it('refuses chat rooms that do not exist with a 4xx, never a 500', async () => {
    const nowhere = [
      `course:${randomUUID()}`,
      `session:${randomUUID()}`,
      `dm:${people.admin.id}:zzz`,
    ];
    for (const room of nowhere) {
      expect([403, 404]).toContain(await read('enrolled', room));
      expect([403, 404]).toContain(await write('enrolled', room));
    }
  });
});

describe('an archived course', () => {
  it('keeps its chat readable for its people but takes no new messages, and leaves their chat list', async () => {
    const archived = (
      await hub.call('createCourse', {
        token: people.teacher.token,
        body: { title: 'Old', capacity: 9 },
      })
    ).body.id;
    const room = `course:${archived}`;
    await hub.call('enrol', { token: people.outsider.token, params: { courseId: archived } });
    expect(await write('outsider', room)).toBe(201);
    expect(
      (
        await hub.call('openDirect', {
          token: people.outsider.token,
          body: { userId: people.teacher.id },
        })
      ).status,
    ).toBe(200);
    await hub.call('updateCourse', {
      token: people.teacher.token,
      params: { courseId: archived },
      body: { archived: true },
    });
    expect(await read('outsider', room)).toBe(200);
    expect(await write('outsider', room)).toBe(409);
    expect(await write('teacher', room)).toBe(409);
    const rooms = (await hub.call('chatRooms', { token: people.outsider.token })).body.items as {
      room: string;
    }[];
    expect(rooms.map((r) => r.room)).not.toContain(room);
    // The only place they shared is closed, so the conversation is too.
    expect(
      (
        await hub.call('openDirect', {
          token: people.outsider.token,
          body: { userId: people.teacher.id },
        })
      ).status,
    ).toBe(403);
  });
});
