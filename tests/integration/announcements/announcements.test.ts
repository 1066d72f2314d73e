import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upload } from '../../support/files';
import { raw } from '../../support/http';
import { signUp, type Person } from '../../support/people';
import { connectSocket, nextEvent, type ClientSocket } from '../../support/sockets';
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

const post = (by: Person, text: string, fileIds: string[] = [], clientId?: string) =>
  hub.call('createAnnouncement', {
    token: by.token,
    params: { courseId },
    body: { text, fileIds, ...(clientId ? { clientId } : {}) },
  });
const edit = (by: Person, announcementId: string, body: Record<string, unknown>) =>
  hub.call('updateAnnouncement', { token: by.token, params: { announcementId }, body });
const fileOf = (by: Person, announcementId: string, fileId: string) =>
  raw(hub.url, `/api/announcements/${announcementId}/files/${fileId}`, {
    headers: { authorization: `Bearer ${by.token}` },
  });
const list = (by: Person) => hub.call('announcements', { token: by.token, params: { courseId } });

async function uploadPdf(by: Person) {
  const file = await upload(
    `${hub.url}/api/uploads`,
    by.token,
    'file',
    PDF,
    'Syllabus.pdf',
    'application/pdf',
    'POST',
  );
  return file.body.id as string;
}

describe('announcements', () => {
  it('are posted by the course’s teacher and listed newest first, with files students can open', async () => {
    const fileId = await uploadPdf(teacher);
    expect((await post(teacher, 'Welcome to *Physics*')).status).toBe(201);
    const second = await post(teacher, 'Read the syllabus', [fileId]);
    expect(second.status).toBe(201);
    expect(second.body.files).toMatchObject([{ fileName: 'Syllabus.pdf', size: PDF.length }]);

    const seen = await list(student);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((a: { text: string }) => a.text)).toEqual([
      'Read the syllabus',
      'Welcome to *Physics*',
    ]);
    expect(seen.body.items[0].permissions).toEqual({ canEdit: false, canDelete: false });

    const file = await raw(hub.url, `/api/announcements/${second.body.id}/files/${fileId}`, {
      headers: { authorization: `Bearer ${student.token}` },
    });
    expect(file.status).toBe(200);
    expect(String(file.body).startsWith('%PDF-1.4')).toBe(true);
  });

  it('are readable by the course’s people and the admin only; a blocked student is told why', async () => {
    const posted = await post(teacher, 'Lab moved to room 4');
    for (const person of [teacher, student, admin]) expect((await list(person)).status).toBe(200);
    for (const person of [outsider, otherTeacher]) {
      const refused = await list(person);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/Enrol in this course/);
    }
    const refused = await list(blocked);
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/blocked you/);
    const file = await raw(hub.url, `/api/announcements/${posted.body.id}/files/x`, {
      headers: { authorization: `Bearer ${outsider.token}` },
    });
    expect(file.status).toBe(403);
  });

  it('are posted by nobody but the course’s teacher', async () => {
    for (const person of [student, outsider, otherTeacher, admin, blocked]) {
      const refused = await post(person, 'Hello');
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toMatch(/teacher|blocked/);
    }
    expect((await list(teacher)).body.items).toEqual([]);
  });

  it('refuse empty text without files, and files that are not the teacher’s own uploads', async () => {
    const empty = await post(teacher, '   ');
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toMatch(/Write something or attach a file/);
    const someoneElses = await uploadPdf(student);
    const stolen = await post(teacher, 'Look', [someoneElses]);
    expect(stolen.status).toBe(400);
    expect(JSON.stringify(stolen.body)).toMatch(/not one of your unattached uploads/);
  });

  it('are stored once when the same post is resent with its client id', async () => {
    const first = await post(teacher, 'Once', [], 'client-0001');
    expect(first.status).toBe(201);
    const again = await post(teacher, 'Once', [], 'client-0001');
    expect(again.body.id).toBe(first.body.id);
    expect((await list(student)).body.items).toHaveLength(1);
  });

  it('are edited by their author only and deleted by their author or the admin', async () => {
    const id = (await post(teacher, 'Quiz on Monday')).body.id;
    for (const person of [student, admin, otherTeacher]) {
      const refused = await hub.call('updateAnnouncement', {
        token: person.token,
        params: { announcementId: id },
        body: { text: 'No quiz' },
      });
      expect(refused.status).toBe(403);
    }
    const edited = await hub.call('updateAnnouncement', {
      token: teacher.token,
      params: { announcementId: id },
      body: { text: 'Quiz on Tuesday' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ text: 'Quiz on Tuesday', editedAt: expect.any(String) });
    expect((await list(student)).body.items[0].text).toBe('Quiz on Tuesday');

    const studentDelete = await hub.call('deleteAnnouncement', {
      token: student.token,
      params: { announcementId: id },
    });
    expect(studentDelete.status).toBe(403);
    const adminDelete = await hub.call('deleteAnnouncement', {
      token: admin.token,
      params: { announcementId: id },
    });
    expect(adminDelete.status).toBe(204);
    expect((await list(student)).body.items).toEqual([]);
    const gone = await hub.call('updateAnnouncement', {
      token: teacher.token,
      params: { announcementId: id },
      body: { text: 'x' },
    });
    expect(gone.status).toBe(404);
  });

  it('have their files added and removed by their author, in one edit', async () => {
    const syllabus = await uploadPdf(teacher);
    const id = (await post(teacher, 'Reading list', [syllabus])).body.id;
    const rubric = await uploadPdf(teacher);
    const edited = await edit(teacher, id, {
      text: 'Reading list, with the rubric',
      addFileIds: [rubric],
      removeFileIds: [syllabus],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.files.map((f: { id: string }) => f.id)).toEqual([rubric]);
    expect(edited.body.editedAt).toEqual(expect.any(String));

    // The student reads the new file; the removed one is gone for everybody.
    const seen = (await list(student)).body.items[0];
    expect(seen.files.map((f: { id: string }) => f.id)).toEqual([rubric]);
    expect((await fileOf(student, id, rubric)).status).toBe(200);
    expect((await fileOf(teacher, id, syllabus)).status).toBe(404);
    // A removed upload cannot be attached again elsewhere: it was let go, not handed back.
    const reused = await post(teacher, 'Again', [syllabus]);
    expect(reused.status).toBe(400);

    // Files alone are enough: the text may go while a file stays.
    const filesOnly = await edit(teacher, id, { text: '' });
    expect(filesOnly.status).toBe(200);
    expect(filesOnly.body).toMatchObject({ text: '', files: [{ id: rubric }] });
  });

  it('have their files changed by nobody but their author', async () => {
    const fileId = await uploadPdf(teacher);
    const id = (await post(teacher, 'Lab sheet', [fileId])).body.id;
    for (const person of [student, admin, otherTeacher, outsider, blocked]) {
      const ownUpload = await uploadPdf(person);
      const adding = await edit(person, id, { addFileIds: [ownUpload] });
      expect(adding.status, 'adding').toBe(403);
      const removing = await edit(person, id, { removeFileIds: [fileId] });
      expect(removing.status, 'removing').toBe(403);
    }
    const seen = (await list(teacher)).body.items[0];
    expect(seen.files.map((f: { id: string }) => f.id)).toEqual([fileId]);
    expect(seen.editedAt).toBeUndefined();
  });

  it('refuse file edits that leave nothing, overflow, or name files that are not theirs', async () => {
    const fileId = await uploadPdf(teacher);
    const id = (await post(teacher, '', [fileId])).body.id;
    const emptied = await edit(teacher, id, { removeFileIds: [fileId] });
    expect(emptied.status).toBe(400);
    expect(emptied.body.error.message).toMatch(/needs text or a file; delete it instead/);

    const unknown = await edit(teacher, id, { text: 'x', removeFileIds: ['not-a-file'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/has no file not-a-file/);

    const stolen = await edit(teacher, id, { addFileIds: [await uploadPdf(student)] });
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.details.fields[0].path).toBe('addFileIds');

    const many = [];
    for (let i = 0; i < 10; i++) many.push(await uploadPdf(teacher));
    const overflow = await edit(teacher, id, { addFileIds: many });
    expect(overflow.status).toBe(400);
    expect(overflow.body.error.message).toMatch(/at most 10 files/);
    // The refused uploads are still the teacher's to use.
    const nine = await edit(teacher, id, { addFileIds: many.slice(0, 9) });
    expect(nine.status).toBe(200);
    expect(nine.body.files).toHaveLength(10);

    const nothing = await edit(teacher, id, {});
    expect(nothing.status).toBe(400);
    expect(JSON.stringify(nothing.body)).toMatch(/Change the text or the files/);
  });

  it('notify the course’s active students (not the blocked one), opening the announcement', async () => {
    const id = (await post(teacher, 'Exam dates are out')).body.id;
    await expect
      .poll(async () => (await notificationsOfType(hub, student, 'announcement-posted'))[0])
      .toMatchObject({
        type: 'announcement-posted',
        params: { courseCode: expect.any(String), excerpt: 'Exam dates are out' },
        target: { kind: 'announcement', courseId, announcementId: id },
      });
    const blockedInbox = (await hub.call('notifications', { token: blocked.token })).body.items;
    expect(blockedInbox.some((n: { type: string }) => n.type === 'announcement-posted')).toBe(
      false,
    );
  });

  it('reach the course room live as they are posted, edited and deleted', async () => {
    const socket = await connectSocket(hub.url, student.token);
    sockets.push(socket);
    const created = nextEvent(socket, 'announcement:changed');
    const id = (await post(teacher, 'Live')).body.id;
    expect(await created).toEqual({ courseId, announcementId: id, change: 'created' });
    const updated = nextEvent(socket, 'announcement:changed');
    await edit(teacher, id, { addFileIds: [await uploadPdf(teacher)] });
    expect(await updated).toEqual({ courseId, announcementId: id, change: 'updated' });
    const deleted = nextEvent(socket, 'announcement:changed');
    await hub.call('deleteAnnouncement', { token: teacher.token, params: { announcementId: id } });
    expect(await deleted).toEqual({ courseId, announcementId: id, change: 'deleted' });
  });

  it('take no new posts in an archived course', async () => {
    await hub.call('updateCourse', {
      token: teacher.token,
      params: { courseId },
      body: { archived: true },
    });
    const refused = await post(teacher, 'Late news');
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/archived/);
  });
});
