import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCourseScene, type Scene } from './course-scene';
import { signUp } from '../../support/people';

/**
 * EduStream showed status updates in the feed of everyone in the same
 * courses: the faculty hub shows the teacher the week's activity of their
 * courses too, and only of theirs.
 */
let scene: Scene;
beforeAll(async () => {
  scene = await startCourseScene();
});
afterAll(() => scene.hub.stop());

describe('the teacher’s activity feed', () => {
  it('shows their students’ status updates and their courses’ deadlines, not other courses’', async () => {
    const { hub, teacher, otherTeacher, student, createCourse } = scene;
    const course = await createCourse('Optics');
    const other = await createCourse('Botany', 30, otherTeacher);
    const outsider = await signUp(hub);
    await hub.call('enrol', { token: student.token, params: { courseId: course.id } });
    await hub.call('enrol', { token: outsider.token, params: { courseId: other.id } });
    await hub.call('postStatusUpdate', { token: student.token, body: { text: 'Lab done!' } });
    await hub.call('postStatusUpdate', { token: outsider.token, body: { text: 'Not yours' } });
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId: course.id },
      body: { title: 'Lab report', dueAt: new Date(Date.now() + 86_400_000).toISOString() },
    });

    const feed = await hub.call('activity', { token: teacher.token });
    expect(feed.status).toBe(200);
    expect(
      feed.body.items.map((i: { type: string; text?: string; title?: string }) => [
        i.type,
        i.text ?? i.title,
      ]),
    ).toEqual([
      ['deadline', 'Lab report'],
      ['status-update', 'Lab done!'],
    ]);
  });
});
