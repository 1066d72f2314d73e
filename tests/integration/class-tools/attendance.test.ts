import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '../../support/people';
import { collect, nextEvent } from '../../support/sockets';
import { startLessonScene, type LessonScene } from './lesson-scene';

/**
 * Attendance: the host opens a check-in window, students check in with the
 * session token (typed or from the QR link), late after N minutes, absent
 * when they never did; history per course and CSV for the teacher and admin.
 */
let scene: LessonScene;
beforeEach(async () => {
  scene = await startLessonScene();
});
afterEach(() => scene.stop());

const open = (lateAfterMinutes = 5, by: Person = scene.teacher) =>
  scene.hub.call('openAttendance', {
    token: by.token,
    params: { sessionId: scene.sessionId },
    body: { lateAfterMinutes },
  });
const checkIn = (by: Person, token = scene.joinToken, method = 'token') =>
  scene.hub.call('checkIn', { token: by.token, body: { token, method } });
const sheet = (windowId: string, by: Person = scene.teacher) =>
  scene.hub.call('attendanceSheet', { token: by.token, params: { windowId } });

describe('a check-in window', () => {
  it('marks present, late after N minutes, and absent', async () => {
    const opened = await open(5);
    expect(opened.status).toBe(201);
    const windowId = opened.body.id;
    const ann = await checkIn(scene.ann);
    expect(ann.status).toBe(200);
    expect(ann.body).toMatchObject({ status: 'present', sessionTitle: 'Cells, lesson 3' });
    scene.later(6);
    // Typed as people type it: lower case, with dashes.
    const typed = `${scene.joinToken.slice(0, 3)}-${scene.joinToken.slice(3)}`.toLowerCase();
    const ben = await checkIn(scene.ben, typed, 'link');
    expect(ben.body.status).toBe('late');

    const rows = (await sheet(windowId)).body;
    expect(rows.window.counts).toEqual({ present: 1, late: 1, absent: 0 });
    expect(
      rows.rows.map(
        (r: { student: { username: string }; status: string; method: string | null }) => [
          r.student.username,
          r.status,
          r.method,
        ],
      ),
    ).toEqual([
      ['ann', 'present', 'token'],
      ['ben', 'late', 'link'],
    ]);
  });

  it('counts a course student who never came as absent, and answers a second check-in with the first', async () => {
    const late = await scene.hub.call('enrol', {
      token: scene.outsider.token,
      params: { courseId: scene.courseId },
    });
    expect(late.status).toBeLessThan(300);
    const windowId = (await open()).body.id;
    const first = await checkIn(scene.ann);
    const again = await checkIn(scene.ann);
    expect(again.status).toBe(200);
    expect(again.body.checkedInAt).toBe(first.body.checkedInAt);
    const body = (await sheet(windowId)).body;
    expect(body.window.counts).toEqual({ present: 1, late: 0, absent: 2 });
    expect(
      body.rows.find((r: { student: { username: string } }) => r.student.username === 'dan').status,
    ).toBe('absent');
  });

  it('lets a course student who has not joined the session check in with its token: joining comes first', async () => {
    await scene.hub.call('enrol', {
      token: scene.outsider.token,
      params: { courseId: scene.courseId },
    });
    await open();
    const dan = await checkIn(scene.outsider);
    expect(dan.status).toBe(200);
    const sessions = await scene.hub.call('session', {
      token: scene.outsider.token,
      params: { sessionId: scene.sessionId },
    });
    expect(sessions.body.myRole).toBe('member');
  });

  it('refuses check-ins when no window is open, after it closed, and with a wrong token', async () => {
    const none = await checkIn(scene.ann);
    expect(none.status).toBe(409);
    expect(none.body.error.message).toBe(
      'Check-in for “Cells, lesson 3” is not open. Wait for your teacher to open it.',
    );
    const windowId = (await open()).body.id;
    expect((await open()).status).toBe(409);
    const closed = await scene.hub.call('closeAttendance', {
      token: scene.teacher.token,
      params: { windowId },
    });
    expect(closed.body.closedAt).toEqual(expect.any(String));
    expect((await checkIn(scene.ann)).status).toBe(409);
    const wrong = await checkIn(scene.ann, 'ZZZZZZZZZ');
    expect(wrong.status).toBe(404);
    expect((await sheet(windowId)).body.window.counts).toEqual({ present: 0, late: 0, absent: 2 });
    // A new window can open once the last one closed.
    expect((await open()).status).toBe(201);
  });
});

describe('who may do what with attendance', () => {
  it('lets only the host open and close; the admin reads and exports but does not check in', async () => {
    const { admin, ann, outsider, blocked } = scene;
    for (const person of [ann, admin, outsider, blocked])
      expect((await open(5, person)).status).toBe(403);
    const windowId = (await open()).body.id;
    for (const person of [ann, admin, outsider, blocked])
      expect(
        (await scene.hub.call('closeAttendance', { token: person.token, params: { windowId } }))
          .status,
      ).toBe(403);
    expect((await sheet(windowId, admin)).status).toBe(200);
    expect((await sheet(windowId, ann)).status).toBe(403);
    expect((await sheet(windowId, outsider)).status).toBe(403);
    expect((await checkIn(admin)).status).toBe(403);
    expect((await checkIn(scene.teacher)).status).toBe(403);
    const blockedTry = await checkIn(blocked);
    expect(blockedTry.status).toBe(403);
    expect(blockedTry.body.error.message).toContain('blocked');
    // An outsider of the course cannot join its session by token, so cannot check in.
    expect((await checkIn(outsider)).status).toBe(403);
    // A student sees the window and their own check-in, not the class's counts.
    await checkIn(ann);
    const annList = await scene.hub.call('sessionAttendance', {
      token: ann.token,
      params: { sessionId: scene.sessionId },
    });
    expect(annList.body[0]).toMatchObject({ counts: null, mine: { status: 'present' } });
  });

  it('keeps a history per course with a CSV, for its teacher and admins only', async () => {
    const first = (await open()).body.id;
    await checkIn(scene.ann);
    await scene.hub.call('closeAttendance', {
      token: scene.teacher.token,
      params: { windowId: first },
    });
    await open();
    await checkIn(scene.ben);
    const history = await scene.hub.call('courseAttendance', {
      token: scene.teacher.token,
      params: { courseId: scene.courseId },
    });
    expect(history.body.map((w: { counts: object }) => w.counts)).toEqual([
      { present: 1, late: 0, absent: 1 },
      { present: 1, late: 0, absent: 1 },
    ]);
    const csv = await scene.hub.call('courseAttendanceCsv', {
      token: scene.admin.token,
      params: { courseId: scene.courseId },
    });
    const lines = (csv.body as string).trim().split('\r\n');
    expect(lines[0]).toBe(
      '"date","session","last name","first name","username","status","checked in at","method"',
    );
    expect(
      lines.slice(1).map((l) =>
        l
          .match(/"(?:[^"]|"")*"/g)!
          .slice(4, 6)
          .join(','),
      ),
    ).toEqual(['"ann","present"', '"ben","absent"', '"ann","absent"', '"ben","present"']);
    for (const person of [scene.ann, scene.outsider])
      expect(
        (
          await scene.hub.call('courseAttendance', {
            token: person.token,
            params: { courseId: scene.courseId },
          })
        ).status,
      ).toBe(403);
    const windowCsv = await scene.hub.call('attendanceCsv', {
      token: scene.teacher.token,
      params: { windowId: first },
    });
    expect(windowCsv.status).toBe(200);
    expect(
      (
        await scene.hub.call('attendanceCsv', {
          token: scene.ann.token,
          params: { windowId: first },
        })
      ).status,
    ).toBe(403);
  });
});

describe('a deleted session', () => {
  it('takes its check-ins out of the course’s history', async () => {
    await open();
    await checkIn(scene.ann);
    await scene.hub.call('deleteSession', {
      token: scene.teacher.token,
      params: { sessionId: scene.sessionId },
    });
    // The records go in a subscriber of session.deleted, just after the 204.
    await expect
      .poll(
        async () =>
          (
            await scene.hub.call('courseAttendance', {
              token: scene.teacher.token,
              params: { courseId: scene.courseId },
            })
          ).body,
      )
      .toEqual([]);
  });
});

describe('attendance live', () => {
  it('tells the room a window opened and gives the host coalesced counts, nobody else', async () => {
    const host = await scene.connect(scene.teacher);
    const annSocket = await scene.connect(scene.ann);
    const annCounts = collect(annSocket, 'attendance:counts');
    const opened = nextEvent(annSocket, 'attendance:changed');
    await open();
    expect(await opened).toMatchObject({ closedAt: null, counts: null });
    const counted = new Promise((resolve) =>
      host.on('attendance:counts', (w) => w.counts?.present === 2 && resolve(w.counts)),
    );
    await checkIn(scene.ann);
    await checkIn(scene.ben);
    expect(await counted).toEqual({ present: 2, late: 0, absent: 0 });
    await annSocket.emitWithAck('hub:ping');
    expect(annCounts).toEqual([]);
  });

  it('tells the course’s teacher and admins that its history changed, per role, nobody else', async () => {
    const { teacher, admin, ann, outsider, blocked } = scene;
    const people = { teacher, admin, student: ann, outsider, blocked };
    const listening = await Promise.all(
      Object.entries(people).map(async ([role, person]) => {
        const socket = await scene.connect(person);
        return { role, socket, hints: collect(socket, 'live:changed') };
      }),
    );
    const historyHints = (role: string) =>
      listening
        .find((l) => l.role === role)!
        .hints.filter((h) => h.what === 'attendance')
        .map((h) => h.topic);
    const topic = `course:${scene.courseId}`;

    const windowId = (await open()).body.id as string;
    await expect.poll(() => historyHints('teacher')).toEqual([topic]);
    expect((await checkIn(ann)).status).toBe(200);
    await expect.poll(() => historyHints('teacher')).toEqual([topic, topic]);
    await scene.hub.call('closeAttendance', { token: teacher.token, params: { windowId } });
    await expect.poll(() => historyHints('teacher')).toEqual([topic, topic, topic]);

    await Promise.all(listening.map((l) => l.socket.emitWithAck('hub:ping')));
    expect(historyHints('admin')).toEqual([topic, topic, topic]);
    for (const role of ['student', 'outsider', 'blocked'])
      expect(historyHints(role), role).toEqual([]);
    // What the hint asks the teacher to fetch again now holds the check-in.
    const history = await scene.hub.call('courseAttendance', {
      token: teacher.token,
      params: { courseId: scene.courseId },
    });
    expect(history.body[0]).toMatchObject({ id: windowId, counts: { present: 1 } });
  });
});
