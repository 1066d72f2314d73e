import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import type { TestHub } from '../../support/start-hub';
import { startCourseScene, type Scene } from './course-scene';

let hub: TestHub;
let admin: Person;
let teacher: Person;
let otherTeacher: Person;
let student: Person;
let createCourse: Scene['createCourse'];

beforeEach(async () => {
  ({ hub, admin, teacher, otherTeacher, student, createCourse } = await startCourseScene());
});
afterEach(() => hub.stop());

describe('creating courses', () => {
  it('gives each course the next code, CS101 onwards, and a join code only its teacher sees', async () => {
    const first = await createCourse('Programming 1');
    const second = await createCourse('Programming 2');
    expect([first.code, second.code]).toEqual(['CS101', 'CS102']);
    expect(first.joinCode).toMatch(/^[2-9A-HJKMNP-Z]{7}$/);
    const seenByStudent = await hub.call('course', {
      token: student.token,
      params: { courseId: first.id },
    });
    expect(seenByStudent.body.joinCode).toBeUndefined();
  });

  it('keeps codes unique when ten courses are created at the same instant', async () => {
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        hub.call('createCourse', {
          token: teacher.token,
          body: { title: `Course ${i}`, capacity: 5 },
        }),
      ),
    );
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(replies.map((r) => r.body.code).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `CS${101 + i}`),
    );
  });

  it('numbers each prefix on its own', async () => {
    const maths = await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Calculus', capacity: 5, codePrefix: 'math' },
    });
    expect(maths.body.code).toBe('MATH101');
  });

  it('is for teachers only', async () => {
    const reply = await hub.call('createCourse', {
      token: student.token,
      body: { title: 'Mine', capacity: 5 },
    });
    expect(reply.status).toBe(403);
    expect(reply.body.error.message).toBe('Only teachers can create courses.');
  });

  it('lets only the course’s teacher (or an admin) edit, archive or change the join code', async () => {
    const course = await createCourse();
    for (const person of [otherTeacher, student]) {
      expect(
        (
          await hub.call('updateCourse', {
            token: person.token,
            params: { courseId: course.id },
            body: { title: 'Hijacked' },
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await hub.call('regenerateJoinCode', {
            token: person.token,
            params: { courseId: course.id },
          })
        ).status,
      ).toBe(403);
    }
    const renamed = await hub.call('updateCourse', {
      token: admin.token,
      params: { courseId: course.id },
      body: { title: 'Programming I' },
    });
    expect(renamed.body.title).toBe('Programming I');
    const fresh = await hub.call('regenerateJoinCode', {
      token: teacher.token,
      params: { courseId: course.id },
    });
    expect(fresh.body.joinCode).not.toBe(course.joinCode);
    expect(
      (await hub.call('joinCourse', { token: student.token, body: { code: course.joinCode } }))
        .status,
    ).toBe(404);
  });
});

describe('enrolment', () => {
  it('enrols a student once; a second try says they are already enrolled', async () => {
    const course = await createCourse();
    const enrolled = await hub.call('enrol', {
      token: student.token,
      params: { courseId: course.id },
    });
    expect(enrolled.body).toMatchObject({ enrolledCount: 1, myEnrolment: { status: 'active' } });
    const again = await hub.call('enrol', {
      token: student.token,
      params: { courseId: course.id },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('You are already enrolled in CS101.');
  });

  it('gives the last seat to exactly one of ten students racing for it', async () => {
    const course = await createCourse('Tiny seminar', 1);
    const students = await Promise.all(
      Array.from({ length: 10 }, () => signUp(hub, { role: 'student' })),
    );
    const replies = await Promise.all(
      students.map((s) => hub.call('enrol', { token: s.token, params: { courseId: course.id } })),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = replies.filter((r) => r.status !== 200);
    expect(
      refused.every(
        (r) =>
          r.status === 409 &&
          r.body.error.message === 'This course is full: all 1 places are taken.',
      ),
    ).toBe(true);
    expect(
      (await hub.call('course', { token: teacher.token, params: { courseId: course.id } })).body
        .enrolledCount,
    ).toBe(1);
  });

  it('joins by code typed in any case', async () => {
    const course = await createCourse();
    const joined = await hub.call('joinCourse', {
      token: student.token,
      body: { code: course.joinCode.toLowerCase() },
    });
    expect(joined.body.myEnrolment.status).toBe('active');
    expect(
      (await hub.call('joinCourse', { token: student.token, body: { code: 'NOPE123' } })).status,
    ).toBe(404);
  });

  it('is for students; teachers are told so', async () => {
    const course = await createCourse();
    const reply = await hub.call('enrol', {
      token: otherTeacher.token,
      params: { courseId: course.id },
    });
    expect(reply.status).toBe(403);
  });

  it('lets a student drop a course and enrol again later', async () => {
    const course = await createCourse();
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    const dropped = await hub.call('dropCourse', {
      token: student.token,
      params: { courseId: course.id },
    });
    expect(dropped.body).toMatchObject({ enrolledCount: 0, myEnrolment: { status: 'dropped' } });
    expect(
      (await hub.call('enrol', { token: student.token, params: { courseId: course.id } })).status,
    ).toBe(200);
  });

  it('refuses enrolment in an archived course, which leaves the catalogue', async () => {
    const course = await createCourse();
    await hub.call('updateCourse', {
      token: teacher.token,
      params: { courseId: course.id },
      body: { archived: true },
    });
    expect(
      (await hub.call('enrol', { token: student.token, params: { courseId: course.id } })).status,
    ).toBe(409);
    expect((await hub.call('courses', { token: student.token })).body.total).toBe(0);
    expect(
      (await hub.call('courses', { token: student.token, query: { archived: 'true' } })).body.total,
    ).toBe(1);
  });

  it('keeps an archived course among a student’s own courses, marked archived', async () => {
    const course = await createCourse();
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    await hub.call('updateCourse', {
      token: teacher.token,
      params: { courseId: course.id },
      body: { archived: true },
    });
    const mine = await hub.call('courses', { token: student.token, query: { scope: 'mine' } });
    expect(mine.body.items).toEqual([expect.objectContaining({ id: course.id, archived: true })]);
    const current = await hub.call('courses', {
      token: student.token,
      query: { scope: 'mine', archived: 'false' },
    });
    expect(current.body.total).toBe(0);
    expect((await hub.call('courses', { token: student.token })).body.total).toBe(0);
  });

  it('refuses a capacity below the number enrolled', async () => {
    const course = await createCourse('Seminar', 5);
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    await hub.call('enrol', { token: (await signUp(hub)).token, params: { courseId: course.id } });
    const reply = await hub.call('updateCourse', {
      token: teacher.token,
      params: { courseId: course.id },
      body: { capacity: 1 },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields[0].path).toBe('capacity');
  });
});

describe('the catalogue', () => {
  it('searches by code, title and teacher, filters open or full, and lists my courses', async () => {
    const full = await createCourse('Robotics', 1);
    await createCourse('Databases', 10);
    await hub.call('enrol', { token: student.token, params: { courseId: full.id } });
    expect(
      (await hub.call('courses', { token: student.token, query: { q: 'robot' } })).body.items.map(
        (c: { title: string }) => c.title,
      ),
    ).toEqual(['Robotics']);
    expect(
      (await hub.call('courses', { token: student.token, query: { q: 'cs102' } })).body.items.map(
        (c: { title: string }) => c.title,
      ),
    ).toEqual(['Databases']);
    expect(
      (await hub.call('courses', { token: student.token, query: { availability: 'full' } })).body
        .total,
    ).toBe(1);
    expect(
      (await hub.call('courses', { token: student.token, query: { availability: 'open' } })).body
        .total,
    ).toBe(1);
    expect(
      (
        await hub.call('courses', { token: student.token, query: { scope: 'mine' } })
      ).body.items.map((c: { code: string }) => c.code),
    ).toEqual(['CS101']);
    expect(
      (await hub.call('courses', { token: teacher.token, query: { scope: 'mine' } })).body.total,
    ).toBe(2);
  });
});
