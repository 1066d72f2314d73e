import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../support/people';
import type { TestHub } from '../../support/start-hub';
import { startCourseScene } from './course-scene';

let hub: TestHub;
let admin: Person;
let teacher: Person;
let student: Person;
let courseId: string;

beforeEach(async () => {
  let createCourse;
  ({ hub, admin, teacher, student, createCourse } = await startCourseScene());
  const course = await createCourse('Robotics for beginners', 2);
  courseId = course.id;
  await hub.call('updateCourse', {
    token: teacher.token,
    params: { courseId },
    body: { description: 'Secret lab door code 4711' },
  });
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const archived = await createCourse('Old course');
  await hub.call('updateCourse', {
    token: teacher.token,
    params: { courseId: archived.id },
    body: { archived: true },
  });
});
afterEach(() => hub.stop());

const setVisitors = (on: boolean) =>
  hub.call('updateSettings', { token: admin.token, body: { visitorCatalogue: on } });

describe('the visitor catalogue', () => {
  it('is on by default and lists current courses to a signed-out GET of the course list', async () => {
    expect((await hub.call('settings', { token: admin.token })).body.visitorCatalogue).toBe(true);
    const reply = await hub.call('courses');
    expect(reply.status).toBe(200);
    expect(reply.body.total).toBe(1);
    expect(reply.body.items).toEqual([
      {
        id: courseId,
        code: 'CS101',
        title: 'Robotics for beginners',
        teacherName: expect.stringMatching(/\S+ \S+/),
        placesLeft: 1,
      },
    ]);
  });

  it('shows title, code, teacher’s name and places left, nothing else', async () => {
    const reply = await hub.call('visitorCatalogue');
    expect(Object.keys(reply.body.items[0]).sort()).toEqual(
      ['code', 'id', 'placesLeft', 'teacherName', 'title'].sort(),
    );
    expect(JSON.stringify(reply.body)).not.toContain('4711');
    expect(JSON.stringify(reply.body)).not.toContain('prof_davis');
  });

  it('searches title, code and teacher, never the hidden description', async () => {
    const search = async (q: string) =>
      (await hub.call('courses', { query: { q } })).body.items.length;
    expect(await search('robotics')).toBe(1);
    expect(await search('cs101')).toBe(1);
    expect(await search('4711')).toBe(0);
  });

  it('still gives signed-in people the full catalogue', async () => {
    const reply = await hub.call('courses', { token: student.token });
    expect(reply.body.items[0].description).toBe('Secret lab door code 4711');
  });

  it('answers 401 with a clear message when the admin turns it off', async () => {
    expect((await setVisitors(false)).status).toBe(200);
    for (const name of ['courses', 'visitorCatalogue'] as const) {
      const reply = await hub.call(name);
      expect(reply.status).toBe(401);
      expect(reply.body.error.message).toBe(
        'This hub shows its courses to signed-in people only. Sign in to browse the catalogue.',
      );
    }
    expect((await hub.call('courses', { token: student.token })).status).toBe(200);
    await setVisitors(true);
    expect((await hub.call('courses')).status).toBe(200);
  });

  it('is a setting only the admin changes', async () => {
    for (const person of [teacher, student])
      expect(
        (
          await hub.call('updateSettings', {
            token: person.token,
            body: { visitorCatalogue: false },
          })
        ).status,
      ).toBe(403);
  });

  it('still asks a visitor to sign in to enrol', async () => {
    const reply = await hub.call('enrol', { params: { courseId } });
    expect(reply.status).toBe(401);
  });
});
