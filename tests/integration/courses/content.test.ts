import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TINY_PNG, upload } from '../../support/files';
import { raw } from '../../support/http';
import { signUp, type Person } from '../../support/people';
import {
  type ClientSocket,
  connectSocket,
  nextHint,
  nextNotification,
} from '../../support/sockets';
import { startHub, type TestHub } from '../../support/start-hub';
import { notificationsOfType } from '../../support/inbox';

let hub: TestHub;
let admin: Person;
let teacher: Person;
let otherTeacher: Person;
let student: Person;
let blocked: Person;
let outsider: Person;
let courseId: string;
const sockets: ClientSocket[] = [];
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher' });
  otherTeacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub);
  blocked = await signUp(hub);
  outsider = await signUp(hub);
  courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', capacity: 10 },
    })
  ).body.id;
  for (const person of [student, blocked])
    await hub.call('enrol', { token: person.token, params: { courseId } });
  await hub.call('setEnrolmentStatus', {
    token: teacher.token,
    params: { courseId, userId: blocked.id },
    body: { status: 'blocked' },
  });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await hub.stop();
});

async function addMaterial(by = teacher, bytes = PDF, name = 'Lecture 1.pdf') {
  const file = await upload(
    `${hub.url}/api/uploads`,
    by.token,
    'file',
    bytes,
    name,
    'application/pdf',
    'POST',
  );
  return hub.call('addMaterial', {
    token: by.token,
    params: { courseId },
    body: { fileId: file.body.id },
  });
}

describe('materials', () => {
  it('are added by the course’s teacher with the detected kind and size, titled after the file', async () => {
    const added = await addMaterial();
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      title: 'Lecture 1.pdf',
      file: { contentType: 'application/pdf', kind: 'document', size: PDF.length },
    });
  });

  it('cannot be added by another teacher or a student', async () => {
    for (const person of [otherTeacher, student])
      expect((await addMaterial(person)).status).toBe(403);
  });

  it('are listed and downloaded by the teacher, active students and the admin only', async () => {
    const material = (await addMaterial()).body;
    const cases: [Person, number][] = [
      [teacher, 200],
      [student, 200],
      [admin, 200],
      [blocked, 403],
      [outsider, 403],
      [otherTeacher, 403],
    ];
    for (const [person, status] of cases) {
      expect(
        (await hub.call('materials', { token: person.token, params: { courseId } })).status,
      ).toBe(status);
      const download = await raw(hub.url, `/api/materials/${material.id}/file`, {
        headers: { authorization: `Bearer ${person.token}` },
      });
      expect(download.status).toBe(status);
    }
    expect((await raw(hub.url, `/api/materials/${material.id}/file`)).status).toBe(401);
    const blockedReply = await hub.call('materials', {
      token: blocked.token,
      params: { courseId },
    });
    expect(blockedReply.body.error.message).toBe('Your teacher has blocked you from this course.');
  });

  it('download with type, safe name, the sha256 as ETag and byte ranges for resuming', async () => {
    const material = (await addMaterial(teacher, PDF, '../../evil "notes".pdf')).body;
    const url = `/api/materials/${material.id}/file`;
    const auth = { authorization: `Bearer ${student.token}` };
    const whole = await fetch(new URL(url, hub.url), { headers: auth });
    expect(whole.headers.get('content-type')).toBe('application/pdf');
    expect(whole.headers.get('content-disposition')).toMatch(
      /^attachment; filename="evil \\"notes\\".pdf"/,
    );
    expect(whole.headers.get('etag')).toBe(`"${createHash('sha256').update(PDF).digest('hex')}"`);
    expect(Buffer.from(await whole.arrayBuffer()).equals(PDF)).toBe(true);
    const part = await fetch(new URL(url, hub.url), { headers: { ...auth, range: 'bytes=5-9' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).toString()).toBe(PDF.subarray(5, 10).toString());
  });

  it('are renamed and deleted by the teacher only', async () => {
    const material = (await addMaterial()).body;
    expect(
      (
        await hub.call('renameMaterial', {
          token: student.token,
          params: { materialId: material.id },
          body: { title: 'Mine' },
        })
      ).status,
    ).toBe(403);
    const renamed = await hub.call('renameMaterial', {
      token: teacher.token,
      params: { materialId: material.id },
      body: { title: 'Week 1 slides' },
    });
    expect(renamed.body.title).toBe('Week 1 slides');
    expect(
      (
        await hub.call('deleteMaterial', {
          token: student.token,
          params: { materialId: material.id },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await hub.call('deleteMaterial', {
          token: teacher.token,
          params: { materialId: material.id },
        })
      ).status,
    ).toBe(204);
    expect(
      (await hub.call('materials', { token: student.token, params: { courseId } })).body.total,
    ).toBe(0);
  });

  it('appear live on the course page and notify the students', async () => {
    const socket = await connectSocket(hub.url, student.token);
    sockets.push(socket);
    // The set-up's own news (the enrolment) is out before listening: answered pings come after it.
    await socket.emitWithAck('hub:ping');
    const live = nextHint(socket, { topic: `course:${courseId}` });
    const notified = nextNotification(socket, 'new-material');
    await addMaterial(teacher, TINY_PNG, 'diagram.png');
    // The hint says what changed; the page refetches and finds the material.
    expect(await live).toEqual({ topic: `course:${courseId}`, what: 'materials' });
    const listed = await hub.call('materials', { token: student.token, params: { courseId } });
    expect(listed.body.items[0]).toMatchObject({
      title: 'diagram.png',
      file: { kind: 'media' },
    });
    expect(await notified).toMatchObject({
      type: 'new-material',
      params: { materialTitle: 'diagram.png' },
      target: { kind: 'material', courseId },
    });
  });
});

describe('deadlines', () => {
  it('are set by the teacher in UTC and listed soonest first for people inside the course', async () => {
    const later = await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Essay', dueAt: '2026-12-10T17:00:00+01:00' },
    });
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({
      dueAt: '2026-12-10T16:00:00.000Z',
      maxPoints: 100,
      acceptLate: true,
    });
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Quiz', dueAt: '2026-12-01T09:00:00Z', maxPoints: 10, acceptLate: false },
    });
    const list = await hub.call('deadlines', { token: student.token, params: { courseId } });
    expect(list.body.items.map((d: { title: string }) => d.title)).toEqual(['Quiz', 'Essay']);
    expect(
      (await hub.call('deadlines', { token: outsider.token, params: { courseId } })).status,
    ).toBe(403);
  });

  it('refuse a due time that is not a date', async () => {
    const reply = await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Essay', dueAt: 'next friday' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields[0].path).toBe('dueAt');
  });

  it('are changed and deleted by the teacher only', async () => {
    const deadline = (
      await hub.call('createDeadline', {
        token: teacher.token,
        params: { courseId },
        body: { title: 'Lab', dueAt: '2026-12-01T09:00:00Z' },
      })
    ).body;
    expect(
      (
        await hub.call('updateDeadline', {
          token: otherTeacher.token,
          params: { deadlineId: deadline.id },
          body: { title: 'x' },
        })
      ).status,
    ).toBe(403);
    const moved = await hub.call('updateDeadline', {
      token: teacher.token,
      params: { deadlineId: deadline.id },
      body: { dueAt: '2026-12-02T09:00:00Z' },
    });
    expect(moved.body.dueAt).toBe('2026-12-02T09:00:00.000Z');
    expect(
      (
        await hub.call('deleteDeadline', {
          token: student.token,
          params: { deadlineId: deadline.id },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await hub.call('deleteDeadline', {
          token: admin.token,
          params: { deadlineId: deadline.id },
        })
      ).status,
    ).toBe(204);
  });

  it('notify the students when set', async () => {
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Project', dueAt: '2026-12-20T12:00:00Z' },
    });
    await expect
      .poll(async () => (await notificationsOfType(hub, student, 'new-deadline'))[0])
      .toMatchObject({
        type: 'new-deadline',
        params: { deadlineTitle: 'Project', dueAt: '2026-12-20T12:00:00.000Z' },
        target: { kind: 'deadline', courseId },
      });
    expect(
      (await hub.call('notifications', { token: blocked.token })).body.items.some(
        (n: { type: string }) => n.type === 'new-deadline',
      ),
    ).toBe(false);
  });
});
