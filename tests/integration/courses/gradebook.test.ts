import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { raw } from '../../support/http';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { handIn } from '../../support/work';

/** Issue 15 point 2: the gradebook, per role. */
let now = new Date('2026-11-24T12:00:00Z');
let hub: TestHub;
let admin: Person;
let teacher: Person;
let emma: Person;
let liam: Person;
let otherStudent: Person;
let outsider: Person;
let courseId: string;
let lab: string;
let essay: string;

beforeEach(async () => {
  now = new Date('2026-11-24T12:00:00Z');
  hub = await startHub({ verification: 'none', now: () => now });
  admin = await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher' });
  emma = await signUp(hub, { firstName: 'Emma', lastName: 'Adams' });
  liam = await signUp(hub, { firstName: '=Liam', lastName: 'Brown' });
  otherStudent = await signUp(hub, { firstName: 'Olga', lastName: 'Other' });
  outsider = await signUp(hub, { role: 'teacher' });
  const course = async (title: string) =>
    (await hub.call('createCourse', { token: teacher.token, body: { title, capacity: 10 } })).body
      .id as string;
  courseId = await course('Physics');
  const otherCourse = await course('Chemistry');
  for (const person of [emma, liam])
    await hub.call('enrol', { token: person.token, params: { courseId } });
  await hub.call('enrol', { token: otherStudent.token, params: { courseId: otherCourse } });
  const deadline = async (inCourse: string, title: string, dueAt: string, maxPoints: number) =>
    (
      await hub.call('createDeadline', {
        token: teacher.token,
        params: { courseId: inCourse },
        body: { title, dueAt, maxPoints },
      })
    ).body.id as string;
  essay = await deadline(courseId, 'Essay', '2026-12-10T17:00:00Z', 10);
  lab = await deadline(courseId, 'Lab', '2026-11-30T17:00:00Z', 20);
  // Work in another course must not show up here.
  const elsewhere = await deadline(otherCourse, 'Titration', '2026-11-30T17:00:00Z', 5);
  await handIn(hub, otherStudent, elsewhere);
});
afterEach(() => hub.stop());

const grade = (deadlineId: string, student: Person, points: number, feedback?: string) =>
  hub.call('gradeSubmission', {
    token: teacher.token,
    params: { deadlineId, userId: student.id },
    body: { points, ...(feedback === undefined ? {} : { feedback }) },
  });

const book = (person: Person) =>
  hub.call('gradebook', { token: person.token, params: { courseId } });

describe('the gradebook', () => {
  it('gives the teacher and the admin every student × assignment in one reply, soonest due first', async () => {
    await handIn(hub, emma, lab);
    await handIn(hub, liam, essay);
    await grade(lab, emma, 15);
    for (const person of [teacher, admin]) {
      const reply = await book(person);
      expect(reply.status).toBe(200);
      expect(reply.body.assignments.map((a: { title: string }) => a.title)).toEqual([
        'Lab',
        'Essay',
      ]);
      const rows = reply.body.rows.map(
        (r: {
          student: { firstName: string };
          cells: { points: number | null; submittedAt: string | null }[];
        }) => [r.student.firstName, r.cells.map((c) => c.points ?? (c.submittedAt ? 'in' : '-'))],
      );
      expect(rows).toEqual([
        ['Emma', [15, '-']],
        ['=Liam', ['-', 'in']],
      ]);
    }
  });

  it('shows an enrolled student their own row only, and nobody else anything', async () => {
    await handIn(hub, emma, lab);
    await handIn(hub, liam, lab);
    await grade(lab, emma, 15);
    await grade(lab, liam, 9);
    const mine = await book(emma);
    expect(mine.status).toBe(200);
    expect(mine.body.rows).toHaveLength(1);
    expect(mine.body.rows[0].student.id).toBe(emma.id);
    expect(mine.body.rows[0].cells[0].points).toBe(15);
    expect(JSON.stringify(mine.body)).not.toContain(liam.id);
    for (const person of [otherStudent, outsider]) {
      const refused = await book(person);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe('Enrol in this course to see your grades in it.');
    }
    for (const person of [emma, otherStudent, outsider]) {
      const csv = await raw(hub.url, `/api/courses/${courseId}/gradebook.csv`, {
        headers: { authorization: `Bearer ${person.token}` },
      });
      expect(csv.status).toBe(403);
    }
  });

  it('keeps the written feedback when a cell is graded from the grid (points only)', async () => {
    await handIn(hub, emma, lab);
    await grade(lab, emma, 12, 'Good graphs.');
    expect((await grade(lab, emma, 14)).body).toMatchObject({
      points: 14,
      feedback: 'Good graphs.',
    });
    const refused = await grade(lab, emma, 21);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Points can be at most 20 for this deadline.');
  });

  it('exports the grid as CSV with the grid’s filters, statuses for ungraded work and averages, cells made inert', async () => {
    await handIn(hub, emma, lab);
    await grade(lab, emma, 15);
    now = new Date('2026-11-30T17:00:01Z');
    const token = (
      await hub.call('signIn', {
        body: { username: teacher.username, password: 'Lantern-Orbit-42' },
      })
    ).body.tokens.accessToken;
    const csv = async (query = '') =>
      (
        await raw(hub.url, `/api/courses/${courseId}/gradebook.csv${query}`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).body as string;
    expect((await csv()).trim().split('\r\n')).toEqual([
      '"last name","first name","username","Lab (/20)","Essay (/10)","average %"',
      `"Adams","Emma","${emma.username}","15","Assigned","75"`,
      `"Brown","'=Liam","${liam.username}","Missing","Assigned",""`,
      '"average","","","15","",""',
    ]);
    const missing = (await csv('?status=missing')).trim().split('\r\n');
    expect(missing).toHaveLength(3);
    expect(missing[1]).toContain('Brown');
    const byName = (await csv('?q=emma')).trim().split('\r\n');
    expect(byName).toHaveLength(3);
    expect(byName[1]).toContain('Adams');
    const bad = await raw(hub.url, `/api/courses/${courseId}/gradebook.csv?status=lost`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.status).toBe(400);
  });
});
