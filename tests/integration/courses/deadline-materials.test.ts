import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upload } from '../../support/files';
import { raw } from '../../support/http';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/** Issue 15 point 1: a deadline (an assignment) carries points and attached materials. */
let hub: TestHub;
let admin: Person;
let teacher: Person;
let student: Person;
let otherStudent: Person;
let outsider: Person;
let courseId: string;
let otherCourseId: string;

beforeEach(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub, { role: 'teacher' });
  teacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub);
  otherStudent = await signUp(hub);
  outsider = await signUp(hub, { role: 'teacher' });
  const course = (title: string) =>
    hub.call('createCourse', { token: teacher.token, body: { title, capacity: 10 } });
  courseId = (await course('Physics')).body.id;
  otherCourseId = (await course('Chemistry')).body.id;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  await hub.call('enrol', { token: otherStudent.token, params: { courseId: otherCourseId } });
});
afterEach(() => hub.stop());

async function uploaded(name: string, text: string) {
  const file = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    Buffer.from(text),
    name,
    'text/plain',
    'POST',
  );
  return file.body.id as string;
}

async function material(inCourse: string, name: string) {
  const reply = await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId: inCourse },
    body: { fileId: await uploaded(name, `contents of ${name}`) },
  });
  expect(reply.status).toBe(201);
  return reply.body as { id: string; title: string };
}

function createDeadline(body: Record<string, unknown>, token = teacher.token) {
  return hub.call('createDeadline', {
    token,
    params: { courseId },
    body: { title: 'Lab report', dueAt: '2030-11-30T17:00:00Z', maxPoints: 20, ...body },
  });
}

const download = (materialId: string, person: Person) =>
  raw(hub.url, `/api/materials/${materialId}/file`, {
    headers: { authorization: `Bearer ${person.token}` },
  });

describe('attaching materials to a deadline', () => {
  it('attaches existing course materials and new files, which students open from the assignment', async () => {
    const sheet = await material(courseId, 'sheet.txt');
    const created = await createDeadline({
      materialIds: [sheet.id],
      fileIds: [await uploaded('rubric.txt', 'the rubric')],
    });
    expect(created.status).toBe(201);
    expect(created.body.maxPoints).toBe(20);
    const titles = created.body.materials.map((m: { title: string }) => m.title);
    expect(titles).toEqual(['sheet.txt', 'rubric.txt']);
    // The new file became a course material too, so it is listed, previewed and saved offline like any other.
    const listed = await hub.call('materials', { token: student.token, params: { courseId } });
    expect(listed.body.items.map((m: { title: string }) => m.title).sort()).toEqual([
      'rubric.txt',
      'sheet.txt',
    ]);
    const seen = await hub.call('deadlines', { token: student.token, params: { courseId } });
    const rubric = seen.body.items[0].materials[1];
    const opened = await download(rubric.id, student);
    expect(opened.status).toBe(200);
    expect(opened.body).toBe('the rubric');
  });

  it('shows the attachments to the teacher, enrolled students and the admin only', async () => {
    const sheet = await material(courseId, 'sheet.txt');
    await createDeadline({ materialIds: [sheet.id] });
    const cases: [Person, number][] = [
      [teacher, 200],
      [student, 200],
      [admin, 200],
      [otherStudent, 403],
      [outsider, 403],
    ];
    for (const [person, status] of cases) {
      const list = await hub.call('deadlines', { token: person.token, params: { courseId } });
      expect(list.status, person.username).toBe(status);
      if (status === 200) expect(list.body.items[0].materials[0].title).toBe('sheet.txt');
      expect((await download(sheet.id, person)).status, person.username).toBe(status);
    }
  });

  it('refuses a material of another course or an unknown one, with a message on the field, and claims no upload', async () => {
    const elsewhere = await material(otherCourseId, 'other.txt');
    const fileId = await uploaded('new.txt', 'new');
    for (const materialIds of [[elsewhere.id], ['no-such-material']]) {
      const refused = await createDeadline({ materialIds, fileIds: [fileId] });
      expect(refused.status).toBe(400);
      expect(refused.body.error.message).toBe(
        'One of the chosen materials is not in this course (it may have been deleted); choose again.',
      );
      expect(refused.body.error.details.fields[0].path).toBe('materialIds');
    }
    // The upload was not used up by the refused attempts.
    expect((await createDeadline({ fileIds: [fileId] })).status).toBe(201);
    expect((await createDeadline({ materialIds: [] }, student.token)).status).toBe(403);
  });

  it('replaces the attachments on a change, and follows a material renamed or deleted', async () => {
    const sheet = await material(courseId, 'sheet.txt');
    const notes = await material(courseId, 'notes.txt');
    const deadlineId = (await createDeadline({ materialIds: [sheet.id] })).body.id;
    const changed = await hub.call('updateDeadline', {
      token: teacher.token,
      params: { deadlineId },
      body: { materialIds: [notes.id, sheet.id] },
    });
    expect(changed.body.materials.map((m: { title: string }) => m.title)).toEqual([
      'notes.txt',
      'sheet.txt',
    ]);
    await hub.call('renameMaterial', {
      token: teacher.token,
      params: { materialId: notes.id },
      body: { title: 'Lecture notes' },
    });
    await hub.call('deleteMaterial', { token: teacher.token, params: { materialId: sheet.id } });
    const seen = await hub.call('deadlines', { token: student.token, params: { courseId } });
    expect(seen.body.items[0].materials.map((m: { title: string }) => m.title)).toEqual([
      'Lecture notes',
    ]);
    // A change of the title alone keeps the attachments.
    const retitled = await hub.call('updateDeadline', {
      token: teacher.token,
      params: { deadlineId },
      body: { title: 'Final lab report' },
    });
    expect(retitled.body.materials).toHaveLength(1);
  });
});
