import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TINY_PNG, upload } from '../../support/files';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

let now = new Date('2026-11-24T12:00:00Z');
let hub: TestHub;
let teacher: Person;
let student: Person;
let classmate: Person;
let stranger: Person;
let courseId: string;

beforeEach(async () => {
  now = new Date('2026-11-24T12:00:00Z');
  hub = await startHub({ verification: 'none', now: () => now });
  await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher', username: 'prof_davis' });
  student = await signUp(hub, { username: 'emma1' });
  classmate = await signUp(hub, { username: 'liam_w' });
  stranger = await signUp(hub, { username: 'stranger' });
  courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', capacity: 10 },
    })
  ).body.id;
  for (const p of [student, classmate])
    await hub.call('enrol', { token: p.token, params: { courseId } });
});
afterEach(() => hub.stop());

const addMaterial = async (bytes: Buffer, name: string) => {
  const file = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    bytes,
    name,
    'application/octet-stream',
    'POST',
  );
  await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId },
    body: { fileId: file.body.id },
  });
};

describe('the student dashboard', () => {
  it('shows the last week of course activity, newest first: classmates’ updates, materials, deadlines — not strangers’', async () => {
    await hub.call('postStatusUpdate', { token: classmate.token, body: { text: 'old news' } });
    now = new Date('2026-12-02T12:00:00Z'); // 8 days later
    for (const p of [student, classmate, teacher, stranger] as {
      username: string;
      token: string;
    }[]) {
      p.token = (
        await hub.call('signIn', { body: { username: p.username, password: 'Lantern-Orbit-42' } })
      ).body.tokens.accessToken;
    }
    await hub.call('postStatusUpdate', {
      token: stranger.token,
      body: { text: 'not in your course' },
    });
    now = new Date('2026-12-02T12:01:00Z');
    await hub.call('postStatusUpdate', {
      token: classmate.token,
      body: { text: 'studying optics' },
    });
    now = new Date('2026-12-02T12:02:00Z');
    await addMaterial(TINY_PNG, 'diagram.png');
    now = new Date('2026-12-02T12:03:00Z');
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Lab', dueAt: '2026-12-09T12:00:00Z' },
    });
    const feed = await hub.call('activity', { token: student.token });
    expect(feed.body.items.map((i: { type: string }) => i.type)).toEqual([
      'deadline',
      'material',
      'status-update',
    ]);
    expect(feed.body.items[2]).toMatchObject({
      text: 'studying optics',
      author: { username: 'liam_w' },
    });
  });

  it('lists upcoming deadlines with whether I submitted, and the resource spectrum of my courses', async () => {
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Past', dueAt: '2026-11-20T12:00:00Z' },
    });
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Soon', dueAt: '2026-11-25T12:00:00Z' },
    });
    const upcoming = await hub.call('upcomingDeadlines', { token: student.token });
    expect(
      upcoming.body.map((d: { title: string; submitted: boolean }) => [d.title, d.submitted]),
    ).toEqual([['Soon', false]]);
    await addMaterial(TINY_PNG, 'a.png');
    await addMaterial(Buffer.from('notes'), 'notes.txt');
    const spectrum = await hub.call('resourceSpectrum', { token: student.token });
    expect(spectrum.body).toEqual([
      {
        courseId,
        courseCode: 'CS101',
        courseTitle: 'Physics',
        counts: { document: 1, slides: 0, media: 1, archive: 0, other: 0 },
      },
    ]);
  });
});

describe('the faculty hub', () => {
  it('shows enrolment against capacity, active students and the work awaiting grading', async () => {
    const deadline = (
      await hub.call('createDeadline', {
        token: teacher.token,
        params: { courseId },
        body: { title: 'Essay', dueAt: '2026-11-30T12:00:00Z' },
      })
    ).body;
    for (const p of [student, classmate]) {
      const file = await upload(
        `${hub.url}/api/uploads`,
        p.token,
        'file',
        Buffer.from('work'),
        'w.txt',
        'text/plain',
        'POST',
      );
      await hub.call('submit', {
        token: p.token,
        params: { deadlineId: deadline.id },
        body: { fileIds: [file.body.id] },
      });
    }
    await hub.call('gradeSubmission', {
      token: teacher.token,
      params: { deadlineId: deadline.id, userId: student.id },
      body: { points: 9 },
    });
    const summary = await hub.call('teaching', { token: teacher.token });
    expect(summary.body.courses).toEqual([
      { courseId, code: 'CS101', title: 'Physics', enrolled: 2, capacity: 10 },
    ]);
    expect(summary.body.activeStudents).toBe(2);
    expect(
      summary.body.awaitingGrading.map(
        (s: { student: { username: string } }) => s.student.username,
      ),
    ).toEqual(['liam_w']);
    expect((await hub.call('teaching', { token: student.token })).status).toBe(403);
  });
});
