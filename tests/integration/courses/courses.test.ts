import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { collect, connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';

let hub: TestHub;
let admin: Person;
let teacher: Person;
let otherTeacher: Person;
let student: Person;
const sockets: ClientSocket[] = [];

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher', username: 'prof_davis' });
  otherTeacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub, { role: 'student', username: 'emma1' });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

const createCourse = async (title = 'Programming 1', capacity = 30, by = teacher) => {
  const reply = await hub.call('createCourse', { token: by.token, body: { title, capacity } });
  expect(reply.status).toBe(201);
  return reply.body;
};

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

describe('the teacher’s students', () => {
  it('lists each student once across courses, filterable by course and name', async () => {
    const one = await createCourse('One');
    const two = await createCourse('Two');
    const liam = await signUp(hub, { role: 'student', username: 'liam_w', lastName: 'Walker' });
    for (const course of [one, two])
      await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    await hub.call('enrol', { token: liam.token, params: { courseId: two.id } });
    const all = await hub.call('myStudents', { token: teacher.token });
    expect(all.body.total).toBe(2);
    const emma = all.body.items.find(
      (row: { student: { username: string } }) => row.student.username === 'emma1',
    );
    expect(emma.enrolments.map((e: { courseCode: string }) => e.courseCode).sort()).toEqual([
      'CS101',
      'CS102',
    ]);
    expect(
      (await hub.call('myStudents', { token: teacher.token, query: { courseId: one.id } })).body
        .total,
    ).toBe(1);
    expect(
      (await hub.call('myStudents', { token: teacher.token, query: { q: 'walker' } })).body.items[0]
        .student.username,
    ).toBe('liam_w');
    expect((await hub.call('myStudents', { token: student.token })).status).toBe(403);
    expect(
      (
        await hub.call('courseEnrolments', {
          token: otherTeacher.token,
          params: { courseId: one.id },
        })
      ).status,
    ).toBe(403);
  });

  it('blocks a student at once: the course chat refuses them and stops reaching their open socket', async () => {
    const course = await createCourse();
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    const room = `course:${course.id}`;
    const teacherSocket = await connectSocket(hub.url, teacher.token);
    const studentSocket = await connectSocket(hub.url, student.token);
    sockets.push(teacherSocket, studentSocket);
    const first = nextEvent(studentSocket, 'chat:message');
    await teacherSocket.emitWithAck('chat:send', {
      room,
      clientId: randomUUID(),
      text: 'Welcome!',
    });
    expect(await first).toMatchObject({ room, text: 'Welcome!' });

    const blocked = await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId: course.id, userId: student.id },
      body: { status: 'blocked' },
    });
    expect(blocked.body.status).toBe('blocked');
    const after = collect(studentSocket, 'chat:message');
    const teacherSees = nextEvent(teacherSocket, 'chat:message');
    await teacherSocket.emitWithAck('chat:send', {
      room,
      clientId: randomUUID(),
      text: 'After the block',
    });
    await teacherSees;
    expect(after).toEqual([]);
    const refused = await studentSocket.emitWithAck('chat:send', {
      room,
      clientId: randomUUID(),
      text: 'hello?',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Your teacher has blocked you from this course.' },
    });
    expect(
      (await hub.call('enrol', { token: student.token, params: { courseId: course.id } })).status,
    ).toBe(403);

    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId: course.id, userId: student.id },
      body: { status: 'active' },
    });
    expect(
      await studentSocket.emitWithAck('chat:send', { room, clientId: randomUUID(), text: 'back!' }),
    ).toMatchObject({ ok: true });
  });

  it('removes a student, who may enrol again', async () => {
    const course = await createCourse();
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    expect(
      (
        await hub.call('removeEnrolment', {
          token: teacher.token,
          params: { courseId: course.id, userId: student.id },
        })
      ).status,
    ).toBe(204);
    expect(
      (await hub.call('course', { token: student.token, params: { courseId: course.id } })).body
        .myEnrolment,
    ).toBeNull();
    expect(
      (await hub.call('enrol', { token: student.token, params: { courseId: course.id } })).status,
    ).toBe(200);
  });

  it('tells the teacher about an enrolment and the student about a block', async () => {
    const course = await createCourse();
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    await expect
      .poll(
        async () =>
          (await hub.call('notifications', { token: teacher.token })).body.items[0]?.title,
      )
      .toBe('Robin Quill enrolled in CS101');
    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId: course.id, userId: student.id },
      body: { status: 'blocked' },
    });
    await expect
      .poll(
        async () => (await hub.call('notifications', { token: student.token })).body.items[0]?.kind,
      )
      .toBe('course-blocked');
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
