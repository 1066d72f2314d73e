import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RouteName } from '../../../src-shared/api';
import { signUp, type Person } from '../../support/people';
import type { TestHub } from '../../support/start-hub';
import { startCourseScene } from '../courses/course-scene';
import { TINY_PDF, hostSession, join, uploaded } from '../sessions/fixtures';

let hub: TestHub;
let admin: Person;
let teacher: Person;
let student: Person;
let courseId: string;
let materialId: string;
let deadlineId: string;
let sessionId: string;
let postId: string;
let commentId: string;

/** One of each record: a course with an enrolment, material, deadline, submission and anonymous feedback; a session with a post and a comment. */
beforeEach(async () => {
  const scene = await startCourseScene();
  ({ hub, admin, teacher, student } = scene);
  courseId = (await scene.createCourse('Algorithms')).id;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  materialId = (
    await hub.call('addMaterial', {
      token: teacher.token,
      params: { courseId },
      body: { fileId: await uploaded(hub, teacher, TINY_PDF, 'Week 1 slides.pdf') },
    })
  ).body.id;
  deadlineId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Lab report', dueAt: '2030-11-30T17:00:00Z', maxPoints: 20 },
    })
  ).body.id;
  const submitted = await hub.call('submit', {
    token: student.token,
    params: { deadlineId },
    body: { comment: 'Done', fileIds: [await uploaded(hub, student, TINY_PDF, 'report.pdf')] },
  });
  expect(submitted.status).toBe(201);
  await hub.call('giveFeedback', {
    token: student.token,
    params: { courseId },
    body: { rating: 2, comment: 'Honest words', anonymous: true },
  });
  const session = await hostSession(hub, teacher, { title: 'Exam prep' });
  sessionId = session.id;
  await join(hub, student, session.joinToken);
  postId = (
    await hub.call('createPost', {
      token: student.token,
      params: { sessionId },
      body: { text: 'My notes on sorting' },
    })
  ).body.id;
  commentId = (
    await hub.call('createComment', {
      token: teacher.token,
      params: { postId },
      body: { text: 'Nice summary' },
    })
  ).body.id;
});
afterEach(() => hub.stop());

const listRoutes = [
  'adminEnrolments',
  'adminMaterials',
  'adminDeadlines',
  'adminSubmissions',
  'adminFeedback',
  'adminPosts',
  'adminComments',
] as const satisfies readonly RouteName[];

const list = (name: RouteName, query: Record<string, string | number> = {}) =>
  hub.call(name, { token: admin.token, query });

describe('the admin record lists', () => {
  it('answer 401 to anonymous callers and 403 to teachers and students, on every route', async () => {
    const outsider = await signUp(hub, { role: 'student' });
    const feedbackParams = { courseId, userId: student.id };
    const routes: [RouteName, Record<string, string>][] = [
      ...listRoutes.map((name): [RouteName, Record<string, string>] => [name, {}]),
      ['adminDeleteFeedback', feedbackParams],
    ];
    for (const [name, params] of routes) {
      expect((await hub.call(name, { params })).status, name).toBe(401);
      for (const person of [teacher, student, outsider])
        expect((await hub.call(name, { token: person.token, params })).status, name).toBe(403);
    }
    // Nothing was deleted by the refused calls.
    expect((await list('adminFeedback')).body.total).toBe(1);
  });

  it('show every kind of record with the course, session and people named', async () => {
    const enrolments = (await list('adminEnrolments')).body;
    expect(enrolments).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(enrolments.items[0]).toMatchObject({
      course: { id: courseId, title: 'Algorithms' },
      student: { id: student.id, username: 'emma1' },
      status: 'active',
    });
    expect((await list('adminMaterials')).body.items).toEqual([
      expect.objectContaining({
        id: materialId,
        title: 'Week 1 slides.pdf',
        fileName: 'Week 1 slides.pdf',
        size: TINY_PDF.length,
        course: expect.objectContaining({ id: courseId }),
      }),
    ]);
    expect((await list('adminDeadlines')).body.items).toEqual([
      expect.objectContaining({
        id: deadlineId,
        title: 'Lab report',
        dueAt: '2030-11-30T17:00:00.000Z',
      }),
    ]);
    const [submission] = (await list('adminSubmissions')).body.items;
    expect(submission).toMatchObject({
      deadline: { id: deadlineId, title: 'Lab report' },
      student: { id: student.id },
      version: 1,
      late: false,
      files: [{ fileName: 'report.pdf' }],
    });
    const download = await hub.call('downloadSubmissionFile', {
      token: admin.token,
      params: { submissionId: submission.id, fileId: submission.files[0].id },
    });
    expect(download.status).toBe(200);
    expect((await list('adminPosts')).body.items).toEqual([
      expect.objectContaining({
        id: postId,
        session: { id: sessionId, title: 'Exam prep' },
        author: expect.objectContaining({ id: student.id }),
        excerpt: 'My notes on sorting',
        filesCount: 0,
      }),
    ]);
    expect((await list('adminComments')).body.items).toEqual([
      expect.objectContaining({
        id: commentId,
        postId,
        session: { id: sessionId, title: 'Exam prep' },
        author: expect.objectContaining({ id: teacher.id }),
        excerpt: 'Nice summary',
      }),
    ]);
  });

  it('search by course, person or text, filter enrolments by status, and page', async () => {
    const other = await signUp(hub, { role: 'student', username: 'zoe_k' });
    await hub.call('enrol', { token: other.token, params: { courseId } });
    expect((await list('adminEnrolments')).body.total).toBe(2);
    const byName = (await list('adminEnrolments', { q: 'zoe_k' })).body;
    expect(byName.items.map((e: { student: { id: string } }) => e.student.id)).toEqual([other.id]);
    expect((await list('adminEnrolments', { q: 'algorithms' })).body.total).toBe(2);
    expect((await list('adminEnrolments', { status: 'blocked' })).body.total).toBe(0);
    const firstPage = (await list('adminEnrolments', { pageSize: 1 })).body;
    expect(firstPage).toMatchObject({ total: 2, pageSize: 1 });
    // Newest first: the second student's enrolment leads.
    expect(firstPage.items[0].student.id).toBe(other.id);
    expect((await list('adminEnrolments', { pageSize: 1, page: 2 })).body.items[0].student.id).toBe(
      student.id,
    );
    expect((await list('adminMaterials', { q: 'slides' })).body.total).toBe(1);
    expect((await list('adminMaterials', { q: 'nothing like it' })).body.total).toBe(0);
    expect((await list('adminPosts', { q: 'exam prep' })).body.total).toBe(1);
    expect((await list('adminComments', { q: 'summary' })).body.total).toBe(1);
  });

  it('refuse bad paging and filters with a clear 400', async () => {
    const tooBig = await list('adminMaterials', { pageSize: 1000 });
    expect(tooBig.status).toBe(400);
    expect(JSON.stringify(tooBig.body)).toContain('pageSize');
    expect((await list('adminEnrolments', { status: 'sleeping' })).status).toBe(400);
    expect((await list('adminPosts', { page: 0 })).status).toBe(400);
  });
});

describe('the admin, moderating records', () => {
  it('sees anonymous feedback authors here, where the teacher does not, and deletes feedback', async () => {
    const [feedback] = (await list('adminFeedback')).body.items;
    expect(feedback).toMatchObject({
      anonymous: true,
      rating: 2,
      comment: 'Honest words',
      author: { id: student.id, username: 'emma1' },
    });
    const teacherView = await hub.call('courseFeedback', {
      token: teacher.token,
      params: { courseId },
    });
    expect(teacherView.body.items[0].author).toBeUndefined();
    const params = { courseId, userId: student.id };
    expect((await hub.call('adminDeleteFeedback', { token: admin.token, params })).status).toBe(
      204,
    );
    expect((await list('adminFeedback')).body.total).toBe(0);
    expect(
      (await hub.call('courseFeedback', { token: teacher.token, params: { courseId } })).body.count,
    ).toBe(0);
    const again = await hub.call('adminDeleteFeedback', { token: admin.token, params });
    expect(again.status).toBe(404);
    expect(again.body.error.message).toMatch(/no feedback/);
  });

  it('deletes a material, which disappears for the enrolled student', async () => {
    const deleted = await hub.call('deleteMaterial', {
      token: admin.token,
      params: { materialId },
    });
    expect(deleted.status).toBe(204);
    expect((await list('adminMaterials')).body.total).toBe(0);
    const studentView = await hub.call('materials', {
      token: student.token,
      params: { courseId },
    });
    expect(studentView.status).toBe(200);
    expect(studentView.body.items).toEqual([]);
  });

  it('blocks, completes and removes an enrolment through the course routes', async () => {
    const params = { courseId, userId: student.id };
    for (const status of ['blocked', 'completed', 'active'] as const) {
      const changed = await hub.call('setEnrolmentStatus', {
        token: admin.token,
        params,
        body: { status },
      });
      expect(changed.status).toBe(200);
      expect((await list('adminEnrolments')).body.items[0].status).toBe(status);
    }
    expect((await hub.call('removeEnrolment', { token: admin.token, params })).status).toBe(204);
    expect((await list('adminEnrolments')).body.total).toBe(0);
  });

  it('deletes a deadline, a comment and a post', async () => {
    expect(
      (await hub.call('deleteComment', { token: admin.token, params: { commentId } })).status,
    ).toBe(204);
    expect((await list('adminComments')).body.total).toBe(0);
    expect((await hub.call('deletePost', { token: admin.token, params: { postId } })).status).toBe(
      204,
    );
    expect((await list('adminPosts')).body.total).toBe(0);
    expect(
      (await hub.call('deleteDeadline', { token: admin.token, params: { deadlineId } })).status,
    ).toBe(204);
    expect((await list('adminDeadlines')).body.total).toBe(0);
  });
});
