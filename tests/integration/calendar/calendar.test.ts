import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import type { TestHub } from '../../support/start-hub';
import { startCourseScene } from '../courses/course-scene';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let hub: TestHub;
let admin: Person;
let teacher: Person;
let otherTeacher: Person;
let student: Person;
let otherStudent: Person;
let outsider: Person;
let courseId: string;
let deadlineId: string;
let sessionId: string;
let range: { from: string; to: string };

const at = (ms: number) => new Date(Date.now() + ms).toISOString();

beforeEach(async () => {
  let createCourse;
  ({ hub, admin, teacher, otherTeacher, student, createCourse } = await startCourseScene());
  otherStudent = await signUp(hub, { role: 'student' });
  outsider = await signUp(hub, { role: 'student' });
  const course = await createCourse('Biology');
  courseId = course.id;
  const other = await createCourse('Chemistry', 30, otherTeacher);
  await hub.call('enrol', { token: student.token, params: { courseId } });
  await hub.call('enrol', { token: otherStudent.token, params: { courseId: other.id } });
  deadlineId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Lab report, part 1', dueAt: at(2 * DAY) },
    })
  ).body.id;
  await hub.call('createDeadline', {
    token: otherTeacher.token,
    params: { courseId: other.id },
    body: { title: 'Titration', dueAt: at(2 * DAY) },
  });
  const session = await hub.call('createSession', {
    token: teacher.token,
    body: { title: 'Revision class', courseId, startsAt: at(DAY), endsAt: at(DAY + HOUR) },
  });
  expect(session.status).toBe(201);
  sessionId = session.body.id;
  await hub.call('joinSession', { token: student.token, body: { token: session.body.joinToken } });
  // An unscheduled session never shows in a calendar.
  await hub.call('createSession', { token: teacher.token, body: { title: 'Open office' } });
  range = { from: at(-DAY), to: at(7 * DAY) };
});
afterEach(() => hub.stop());

const titlesFor = async (person: Person, query = range) => {
  const reply = await hub.call('calendar', { token: person.token, query });
  expect(reply.status).toBe(200);
  return reply.body.entries.map((e: { title: string }) => e.title);
};

describe('a person’s calendar', () => {
  it('shows the teacher their course’s deadline and their scheduled session, soonest first', async () => {
    const reply = await hub.call('calendar', { token: teacher.token, query: range });
    expect(reply.body.entries).toEqual([
      expect.objectContaining({ kind: 'session', id: sessionId, title: 'Revision class' }),
      expect.objectContaining({
        kind: 'deadline',
        id: deadlineId,
        endsAt: null,
        course: { id: courseId, code: 'CS101', title: 'Biology' },
      }),
    ]);
  });

  it('shows an enrolled student the same, and nothing of other courses', async () => {
    expect(await titlesFor(student)).toEqual(['Revision class', 'Lab report, part 1']);
  });

  it('shows another course’s student only their own course', async () => {
    expect(await titlesFor(otherStudent)).toEqual(['Titration']);
  });

  it('is empty for an outsider and for an admin with no courses of their own', async () => {
    expect(await titlesFor(outsider)).toEqual([]);
    expect(await titlesFor(admin)).toEqual([]);
  });

  it('drops a course’s deadlines once the student is blocked', async () => {
    await hub.call('setEnrolmentStatus', {
      token: teacher.token,
      params: { courseId, userId: student.id },
      body: { status: 'blocked' },
    });
    expect(await titlesFor(student)).not.toContain('Lab report, part 1');
  });

  it('answers only the range asked for', async () => {
    expect(await titlesFor(teacher, { from: at(36 * HOUR), to: at(3 * DAY) })).toEqual([
      'Lab report, part 1',
    ]);
  });

  it('refuses a backwards or too long range with a message', async () => {
    const backwards = await hub.call('calendar', {
      token: teacher.token,
      query: { from: range.to, to: range.from },
    });
    expect(backwards.status).toBe(400);
    expect(JSON.stringify(backwards.body)).toContain('must come after its start');
    const long = await hub.call('calendar', {
      token: teacher.token,
      query: { from: at(0), to: at(100 * DAY) },
    });
    expect(long.status).toBe(400);
    expect(JSON.stringify(long.body)).toContain('at most 62 days');
  });

  it('asks a signed-out caller to sign in', async () => {
    expect((await hub.call('calendar', { query: range })).status).toBe(401);
    expect((await hub.call('calendarFile')).status).toBe(401);
  });
});

describe('scheduling a session', () => {
  it('refuses an end before the start, one time alone, and more than a day', async () => {
    const bad = [
      { startsAt: at(DAY), endsAt: at(DAY - HOUR) },
      { startsAt: at(DAY) },
      { startsAt: at(DAY), endsAt: at(3 * DAY) },
    ];
    for (const times of bad) {
      const reply = await hub.call('createSession', {
        token: teacher.token,
        body: { title: 'Bad', ...times },
      });
      expect(reply.status).toBe(400);
      expect(reply.body.error.details.fields[0].path).toMatch(/startsAt|endsAt/);
    }
  });

  it('moves and clears a session in the calendar when its host edits the times', async () => {
    const moved = await hub.call('updateSession', {
      token: teacher.token,
      params: { sessionId },
      body: { startsAt: at(5 * DAY), endsAt: at(5 * DAY + HOUR) },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.startsAt).toBe(new Date(Date.parse(moved.body.endsAt) - HOUR).toISOString());
    expect(await titlesFor(student)).toEqual(['Lab report, part 1', 'Revision class']);
    await hub.call('updateSession', {
      token: teacher.token,
      params: { sessionId },
      body: { startsAt: null, endsAt: null },
    });
    expect(await titlesFor(student)).toEqual(['Lab report, part 1']);
  });
});

describe('the iCalendar export', () => {
  it('downloads the person’s own calendar as text/calendar with CRLF lines', async () => {
    const reply = await hub.call('calendarFile', { token: student.token });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toContain('text/calendar');
    expect(reply.headers.get('content-disposition')).toContain('classhub.ics');
    const text = reply.body as string;
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(text).toContain(`UID:deadline-${deadlineId}@classhub`);
    expect(text).toContain(`UID:session-${sessionId}@classhub`);
    expect(text).toContain('SUMMARY:CS101: Lab report\\, part 1');
    expect(text).not.toContain('Titration');
  });

  it('keeps the same UIDs from one export to the next', async () => {
    const uids = async () =>
      ((await hub.call('calendarFile', { token: teacher.token })).body as string).match(
        /^UID:.*$/gm,
      );
    expect(await uids()).toEqual(await uids());
  });
});
