import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../support/people';
import type { TestHub } from '../../support/start-hub';
import { startCourseScene } from '../courses/course-scene';

/**
 * The admin panel lists every status update on the hub (FEATURES: every
 * record of every kind), and deletes one through the same route an author
 * uses, so it leaves the profile too.
 */
let hub: TestHub;
let admin: Person;
let teacher: Person;
let student: Person;

const post = async (person: Person, text: string) => {
  const reply = await hub.call('postStatusUpdate', { token: person.token, body: { text } });
  expect(reply.status).toBe(201);
  return reply.body.id as string;
};
const list = (query: Record<string, string | number> = {}) =>
  hub.call('adminStatusUpdates', { token: admin.token, query });

beforeEach(async () => {
  ({ hub, admin, teacher, student } = await startCourseScene());
});
afterEach(() => hub.stop());

describe('the admin list of status updates', () => {
  it('answers 401 to anonymous callers and 403 to teachers and students', async () => {
    await post(student, 'Revising for the exam');
    expect((await hub.call('adminStatusUpdates', {})).status).toBe(401);
    for (const person of [teacher, student])
      expect((await hub.call('adminStatusUpdates', { token: person.token })).status).toBe(403);
  });

  it('shows everyone’s updates newest first, with their authors, and finds them by person or words', async () => {
    await post(student, 'Revising for the exam');
    await post(teacher, 'Office hours moved to Friday');
    const page = (await list()).body;
    expect(page).toMatchObject({ total: 2, page: 1 });
    expect(page.items).toEqual([
      expect.objectContaining({
        text: 'Office hours moved to Friday',
        author: expect.objectContaining({ id: teacher.id, username: 'prof_davis' }),
      }),
      expect.objectContaining({
        text: 'Revising for the exam',
        author: expect.objectContaining({ id: student.id, username: 'emma1' }),
      }),
    ]);
    expect((await list({ q: 'friday' })).body.items.map((u: { text: string }) => u.text)).toEqual([
      'Office hours moved to Friday',
    ]);
    expect((await list({ q: 'emma1' })).body.total).toBe(1);
    expect((await list({ page: 0 })).status).toBe(400);
  });

  it('deletes one through deleteStatusUpdate: gone from the list and from the profile', async () => {
    const id = await post(student, 'Revising for the exam');
    const deleted = await hub.call('deleteStatusUpdate', {
      token: admin.token,
      params: { statusUpdateId: id },
    });
    expect(deleted.status).toBe(204);
    expect((await list()).body.total).toBe(0);
    const profile = await hub.call('statusUpdates', {
      token: teacher.token,
      params: { username: 'emma1' },
    });
    expect(profile.body.items).toEqual([]);
  });
});
