import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../support/people';
import type { TestHub } from '../../support/start-hub';
import { startCourseScene } from './course-scene';

let hub: TestHub;
let admin: Person;
let teacher: Person;
let otherTeacher: Person;
let student: Person;

beforeEach(async () => {
  ({ hub, admin, teacher, otherTeacher, student } = await startCourseScene());
});
afterEach(() => hub.stop());

const create = (by: Person, code?: string, title = 'Biology') =>
  hub.call('createCourse', {
    token: by.token,
    body: { title, capacity: 20, ...(code === undefined ? {} : { code }) },
  });

describe('a course code of the teacher’s own', () => {
  it('is stored upper case, and the automatic numbering carries on beside it', async () => {
    const own = await create(teacher, ' bio2a ');
    expect(own.status).toBe(201);
    expect(own.body.code).toBe('BIO2A');
    const automatic = await create(teacher);
    expect(automatic.body.code).toBe('CS101');
  });

  it('is refused with 409 naming the code when taken in any letter case', async () => {
    expect((await create(teacher, 'BIO2A')).status).toBe(201);
    const again = await create(otherTeacher, 'Bio2a');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('BIO2A is already taken');
    expect(again.body.error.details.fields[0].path).toBe('code');
  });

  it('lets exactly one of two simultaneous creations with the same code win', async () => {
    const replies = await Promise.all([
      create(teacher, 'RACE1', 'First'),
      create(otherTeacher, 'race1', 'Second'),
      create(admin, 'Race1', 'Third'),
    ]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const loser of replies.filter((r) => r.status === 409))
      expect(loser.body.error.message).toContain('RACE1');
    const listed = await hub.call('courses', { token: student.token, query: { q: 'race1' } });
    expect(listed.body.total).toBe(1);
  });

  it('takes letters and digits only, 2 to 12 of them', async () => {
    for (const bad of ['A', 'BIO-2', 'TOOLONGCODE123', 'Bio 2']) {
      const reply = await create(teacher, bad);
      expect(reply.status).toBe(400);
      expect(reply.body.error.details.fields[0].path).toBe('code');
    }
  });

  it('cannot be claimed by a student', async () => {
    expect((await create(student, 'MINE1')).status).toBe(403);
  });

  it('is kept when an automatic code would collide with it', async () => {
    expect((await create(teacher, 'CS101')).status).toBe(201);
    expect((await create(teacher)).body.code).toBe('CS102');
  });
});

describe('the live availability check', () => {
  const check = (by: Person, code: string) =>
    hub.call('courseCodeAvailability', { token: by.token, params: { code } });

  it('tells a teacher and an admin whether a code is free, ignoring case', async () => {
    await create(teacher, 'CHEM1');
    for (const person of [teacher, otherTeacher, admin]) {
      const taken = await check(person, 'chem1');
      expect(taken.status).toBe(200);
      expect(taken.body).toMatchObject({ code: 'CHEM1', available: false });
      expect(taken.body.message).toContain('CHEM1 is already taken');
      expect((await check(person, 'chem2')).body).toMatchObject({
        code: 'CHEM2',
        available: true,
      });
    }
  });

  it('explains a malformed code instead of failing', async () => {
    const reply = await check(teacher, 'ch-1');
    expect(reply.status).toBe(200);
    expect(reply.body.available).toBe(false);
    expect(reply.body.message).toBe('A course code has letters and digits only, like BIO2A.');
  });

  it('is for people who can create courses, and signed-in people only', async () => {
    expect((await check(student, 'CHEM1')).status).toBe(403);
    const signedOut = await hub.call('courseCodeAvailability', { params: { code: 'CHEM1' } });
    expect(signedOut.status).toBe(401);
  });
});
