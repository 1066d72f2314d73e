import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { connectSocket, nextHint } from '../../support/sockets';
import type { TestHub } from '../../support/start-hub';
import { startCourseScene } from './course-scene';

let hub: TestHub;
let admin: Person;
let teacher: Person;
let otherTeacher: Person;
let student: Person;
let classmate: Person;
let outsider: Person;
let courseId: string;

beforeEach(async () => {
  let createCourse;
  ({ hub, admin, teacher, otherTeacher, student, createCourse } = await startCourseScene());
  classmate = await signUp(hub);
  outsider = await signUp(hub);
  courseId = (await createCourse('Physics', 10)).id;
  for (const person of [student, classmate])
    await hub.call('enrol', { token: person.token, params: { courseId } });
});
afterEach(() => hub.stop());

describe('course feedback', () => {
  it('keeps one editable rating per student and shows average and distribution', async () => {
    await hub.call('giveFeedback', {
      token: student.token,
      params: { courseId },
      body: { rating: 2, comment: 'Too fast' },
    });
    await hub.call('giveFeedback', {
      token: student.token,
      params: { courseId },
      body: { rating: 4, comment: 'Better now' },
    });
    await hub.call('giveFeedback', {
      token: classmate.token,
      params: { courseId },
      body: { rating: 5 },
    });
    const summary = await hub.call('courseFeedback', {
      token: teacher.token,
      params: { courseId },
    });
    expect(summary.body).toMatchObject({ average: 4.5, count: 2, distribution: [0, 0, 0, 1, 1] });
  });

  it('is read by the course’s teacher, its students and the admin, and no one else', async () => {
    await hub.call('giveFeedback', {
      token: student.token,
      params: { courseId },
      body: { rating: 4, comment: 'Named and proud' },
    });
    for (const reader of [teacher, student, classmate, admin]) {
      const reply = await hub.call('courseFeedback', { token: reader.token, params: { courseId } });
      expect(reply.status).toBe(200);
      expect(reply.body.count).toBe(1);
    }
    for (const stranger of [outsider, otherTeacher]) {
      const reply = await hub.call('courseFeedback', {
        token: stranger.token,
        params: { courseId },
      });
      expect(reply.status).toBe(403);
      expect(reply.body.error.message).toMatch(/feedback is for the course’s teacher and students/);
      expect(JSON.stringify(reply.body)).not.toContain(student.username);
    }
  });

  it('stays readable for a student who finished the course, not for one who was blocked', async () => {
    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId, userId: student.id },
      body: { status: 'completed' },
    });
    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId, userId: classmate.id },
      body: { status: 'blocked' },
    });
    expect(
      (await hub.call('courseFeedback', { token: student.token, params: { courseId } })).status,
    ).toBe(200);
    expect(
      (await hub.call('courseFeedback', { token: classmate.token, params: { courseId } })).status,
    ).toBe(403);
  });

  it('never reveals an anonymous author to anyone but the admin', async () => {
    await hub.call('giveFeedback', {
      token: student.token,
      params: { courseId },
      body: { rating: 1, comment: 'Honest words', anonymous: true },
    });
    for (const viewer of [teacher, classmate]) {
      const reply = await hub.call('courseFeedback', { token: viewer.token, params: { courseId } });
      expect(reply.body.items[0]).toMatchObject({ rating: 1, anonymous: true, mine: false });
      expect(reply.body.items[0].author).toBeUndefined();
      expect(JSON.stringify(reply.body)).not.toContain(student.username);
      expect(JSON.stringify(reply.body)).not.toContain(student.id);
    }
    const given = await hub.call('giveFeedback', {
      token: student.token,
      params: { courseId },
      body: { rating: 1, comment: 'Honest words', anonymous: true },
    });
    expect(given.body.author).toBeUndefined();
    expect(given.body.mine).toBe(true);
    const byAdmin = await hub.call('courseFeedback', { token: admin.token, params: { courseId } });
    expect(byAdmin.body.items[0].author.username).toBe(student.username);
  });

  it('is given only by students of the course, with 1–5 stars', async () => {
    expect(
      (
        await hub.call('giveFeedback', {
          token: outsider.token,
          params: { courseId },
          body: { rating: 5 },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await hub.call('giveFeedback', {
          token: teacher.token,
          params: { courseId },
          body: { rating: 5 },
        })
      ).status,
    ).toBe(403);
    const bad = await hub.call('giveFeedback', {
      token: student.token,
      params: { courseId },
      body: { rating: 6 },
    });
    expect(bad.body.error.details.fields[0]).toEqual({
      path: 'rating',
      message: 'Rate with 1 to 5 stars.',
    });
  });

  it('tells the course room live that the ratings changed, without saying who rated', async () => {
    const socket = await connectSocket(hub.url, teacher.token);
    try {
      // The set-up's own news (the enrolment) is out before listening: answered pings come after it.
      await socket.emitWithAck('hub:ping');
      const changed = nextHint(socket, { topic: `course:${courseId}` });
      await hub.call('giveFeedback', {
        token: student.token,
        params: { courseId },
        body: { rating: 3, anonymous: true },
      });
      // Only the topic and what changed: no rating, no rater.
      expect(await changed).toEqual({ topic: `course:${courseId}`, what: 'feedback' });
    } finally {
      socket.disconnect();
    }
  });
});
