import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upload } from '../../support/files';
import { raw } from '../../support/http';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { notificationsOfType } from '../../support/inbox';

let now = new Date('2026-11-24T12:00:00Z');
let hub: TestHub;
let admin: Person;
let teacher: Person;
let otherTeacher: Person;
let student: Person;
let classmate: Person;
let outsider: Person;
let courseId: string;
let deadlineId: string;

beforeEach(async () => {
  now = new Date('2026-11-24T12:00:00Z');
  hub = await startHub({ verification: 'none', now: () => now });
  admin = await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher' });
  otherTeacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub, { firstName: 'Emma', lastName: 'Adams' });
  classmate = await signUp(hub, { firstName: 'Liam', lastName: 'Brown' });
  outsider = await signUp(hub);
  courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', capacity: 10 },
    })
  ).body.id;
  for (const person of [student, classmate])
    await hub.call('enrol', { token: person.token, params: { courseId } });
  deadlineId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Lab report', dueAt: '2026-11-30T17:00:00Z', maxPoints: 20 },
    })
  ).body.id;
});
afterEach(() => hub.stop());

async function submit(person: Person, text = 'my report', comment = '') {
  const file = await upload(
    `${hub.url}/api/uploads`,
    person.token,
    'file',
    Buffer.from(text),
    'report.txt',
    'text/plain',
    'POST',
  );
  return hub.call('submit', {
    token: person.token,
    params: { deadlineId },
    body: { comment, fileIds: [file.body.id] },
  });
}

/** Moves the hub's clock; days later everyone's access token has expired, so everyone signs in again. */
async function travelTo(time: string) {
  now = new Date(time);
  for (const person of [student, classmate, teacher] as { username: string; token: string }[]) {
    person.token = (
      await hub.call('signIn', {
        body: { username: person.username, password: 'Lantern-Orbit-42' },
      })
    ).body.tokens.accessToken;
  }
}

describe('submitting', () => {
  it('stores each resubmission as a new version, newest first', async () => {
    expect((await submit(student, 'draft')).body).toMatchObject({ version: 1, late: false });
    expect((await submit(student, 'final', 'fixed the graphs')).body).toMatchObject({
      version: 2,
      comment: 'fixed the graphs',
    });
    const mine = await hub.call('mySubmissions', { token: student.token, params: { deadlineId } });
    expect(mine.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(mine.body.grade).toBeNull();
  });

  it('flags late work, or refuses it when the teacher chose so', async () => {
    await travelTo('2026-12-01T09:00:00Z');
    expect((await submit(student)).body.late).toBe(true);
    await hub.call('updateDeadline', {
      token: teacher.token,
      params: { deadlineId },
      body: { acceptLate: false },
    });
    const refused = await submit(classmate);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'The deadline “Lab report” has passed and your teacher does not accept late work.',
    );
  });

  it('is for enrolled students only', async () => {
    for (const person of [outsider, teacher]) expect((await submit(person)).status).toBe(403);
    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId, userId: classmate.id },
      body: { status: 'blocked' },
    });
    expect((await submit(classmate)).body.error.message).toBe(
      'Your teacher has blocked you from this course.',
    );
  });
});

describe('grading', () => {
  it('shows the teacher each student’s work status: assigned, handed in, late, graded, and missing only after the due time', async () => {
    const statuses = async () =>
      (
        await hub.call('deadlineOverview', { token: teacher.token, params: { deadlineId } })
      ).body.items.map((r: { student: { firstName: string }; status: string }) => [
        r.student.firstName,
        r.status,
      ]);
    for (const person of [otherTeacher, student])
      expect(
        (await hub.call('deadlineOverview', { token: person.token, params: { deadlineId } }))
          .status,
      ).toBe(403);
    await submit(student);
    // Six days before the due time, nothing handed in is Assigned, not Missing.
    expect(await statuses()).toEqual([
      ['Emma', 'handedIn'],
      ['Liam', 'assigned'],
    ]);
    await travelTo('2026-11-30T17:00:00Z');
    expect((await statuses())[1]).toEqual(['Liam', 'assigned']);
    now = new Date('2026-11-30T17:00:01Z');
    expect(await statuses()).toEqual([
      ['Emma', 'handedIn'],
      ['Liam', 'missing'],
    ]);
    await submit(classmate);
    await hub.call('gradeSubmission', {
      token: teacher.token,
      params: { deadlineId, userId: student.id },
      body: { points: 18 },
    });
    expect(await statuses()).toEqual([
      ['Emma', 'graded'],
      ['Liam', 'late'],
    ]);
    // A new version after the grade is work waiting for the teacher again.
    await travelTo('2026-11-30T18:00:00Z');
    await submit(student, 'improved');
    expect((await statuses())[0]).toEqual(['Emma', 'late']);
  });

  it('grades with points and feedback the student sees, and tells them', async () => {
    await submit(student);
    const grade = await hub.call('gradeSubmission', {
      token: teacher.token,
      params: { deadlineId, userId: student.id },
      body: { points: 17, feedback: 'Clear method.' },
    });
    expect(grade.body).toMatchObject({ points: 17, maxPoints: 20, feedback: 'Clear method.' });
    expect(
      (await hub.call('mySubmissions', { token: student.token, params: { deadlineId } })).body
        .grade,
    ).toMatchObject({ points: 17 });
    await expect
      .poll(async () => (await notificationsOfType(hub, student, 'submission-graded'))[0])
      .toMatchObject({
        type: 'submission-graded',
        params: {
          deadlineTitle: 'Lab report',
          points: 17,
          maxPoints: 20,
          feedback: 'Clear method.',
        },
        target: { kind: 'submission', deadlineId, studentId: student.id },
      });
  });

  it('refuses points above the maximum, grading someone who submitted nothing, and other teachers', async () => {
    await submit(student);
    const tooMany = await hub.call('gradeSubmission', {
      token: teacher.token,
      params: { deadlineId, userId: student.id },
      body: { points: 21 },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details.fields[0]).toEqual({
      path: 'points',
      message: 'Points can be at most 20 for this deadline.',
    });
    expect(
      (
        await hub.call('gradeSubmission', {
          token: teacher.token,
          params: { deadlineId, userId: classmate.id },
          body: { points: 5 },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await hub.call('gradeSubmission', {
          token: otherTeacher.token,
          params: { deadlineId, userId: student.id },
          body: { points: 5 },
        })
      ).status,
    ).toBe(403);
  });

  it('lets the student and the teacher open submitted files, and no one else', async () => {
    const submission = (await submit(student, 'secret answers')).body;
    const url = `/api/submissions/${submission.id}/files/${submission.files[0].id}`;
    const cases: [Person, number][] = [
      [student, 200],
      [teacher, 200],
      [admin, 200],
      [classmate, 403],
      [otherTeacher, 403],
    ];
    for (const [person, status] of cases) {
      expect(
        (await raw(hub.url, url, { headers: { authorization: `Bearer ${person.token}` } })).status,
      ).toBe(status);
    }
  });

  it('exports grades as CSV, neutralising formula-looking cells', async () => {
    await submit(student);
    await hub.call('gradeSubmission', {
      token: teacher.token,
      params: { deadlineId, userId: student.id },
      body: { points: 18 },
    });
    await hub.call('updateMe', {
      token: classmate.token,
      body: { firstName: '=HYPERLINK("x")', lastName: 'Smith;=1+1' },
    });
    const csv = await raw(hub.url, `/api/courses/${courseId}/grades.csv`, {
      headers: { authorization: `Bearer ${teacher.token}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe('"username","first name","last name","Lab report (/20)"');
    expect(lines).toContain(`"${student.username}","Emma","Adams","18"`);
    // A spreadsheet splitting on semicolons would see `=1+1` as a cell of its own: made text too.
    expect(lines.find((l) => l.startsWith(`"${classmate.username}"`))).toBe(
      `"${classmate.username}","'=HYPERLINK(""x"")","Smith;'=1+1",""`,
    );
    expect(
      (
        await raw(hub.url, `/api/courses/${courseId}/grades.csv`, {
          headers: { authorization: `Bearer ${student.token}` },
        })
      ).status,
    ).toBe(403);
  });
});

describe('downloading every submission', () => {
  it('gives the teacher one zip with a folder per student holding their latest files', async () => {
    await submit(student, 'first draft');
    await submit(student, 'final text');
    await submit(classmate, 'liam work');
    const zip = await fetch(`${hub.url}/api/deadlines/${deadlineId}/submissions.zip`, {
      headers: { authorization: `Bearer ${teacher.token}` },
    });
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const bytes = Buffer.from(await zip.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    const text = bytes.toString('latin1');
    expect(text).toContain(`${student.username}/report.txt`);
    expect(text).toContain(`${classmate.username}/report.txt`);
    expect((text.match(new RegExp(`${student.username}/report.txt`, 'g')) ?? []).length).toBe(2); // local header + central directory: one file
    const refused = await fetch(`${hub.url}/api/deadlines/${deadlineId}/submissions.zip`, {
      headers: { authorization: `Bearer ${student.token}` },
    });
    expect(refused.status).toBe(403);
  });
});
