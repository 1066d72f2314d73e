import { expect } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/** A hub with an admin, two teachers (prof_davis first) and a student (emma1), and a way to make courses. */
export async function startCourseScene() {
  const hub: TestHub = await startHub({ verification: 'none' });
  const admin = await signUp(hub, { role: 'teacher' });
  const teacher = await signUp(hub, { role: 'teacher', username: 'prof_davis' });
  const otherTeacher = await signUp(hub, { role: 'teacher' });
  const student = await signUp(hub, { role: 'student', username: 'emma1' });
  const createCourse = async (title = 'Programming 1', capacity = 30, by: Person = teacher) => {
    const reply = await hub.call('createCourse', { token: by.token, body: { title, capacity } });
    expect(reply.status).toBe(201);
    return reply.body;
  };
  return { hub, admin, teacher, otherTeacher, student, createCourse };
}

export type Scene = Awaited<ReturnType<typeof startCourseScene>>;
