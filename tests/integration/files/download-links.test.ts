import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upload } from '../../support/files';
import { raw } from '../../support/http';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * Signed links let a browser save a file natively (streamed, resumable)
 * without the Authorization header — but only for the person and sign-in
 * that asked, only for a file route, and only for a few minutes.
 */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
let now = Date.parse('2026-11-24T12:00:00Z');
let hub: TestHub;
let teacher: Person;
let student: Person;
let outsider: Person;
let filePath: string;
let courseId: string;

beforeAll(async () => {
  hub = await startHub({ verification: 'none', now: () => new Date(now) });
  teacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub);
  outsider = await signUp(hub);
  courseId = (
    await hub.call('createCourse', {
      token: teacher.token,
      body: { title: 'Physics', capacity: 5 },
    })
  ).body.id;
  await hub.call('enrol', { token: student.token, params: { courseId } });
  const file = await upload(
    `${hub.url}/api/uploads`,
    teacher.token,
    'file',
    PDF,
    'Lecture 1.pdf',
    'application/pdf',
    'POST',
  );
  const material = await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId },
    body: { fileId: file.body.id },
  });
  filePath = `/api/materials/${material.body.id}/file`;
});
afterAll(() => hub.stop());

const linkFor = (person: Person, path = filePath) =>
  hub.call('downloadLink', { token: person.token, body: { path } });

describe('signed download links', () => {
  it('downloads the file with no token, as an attachment, and resumes with Range', async () => {
    const link = await linkFor(student);
    expect(link.status).toBe(200);
    expect(link.body.url).toMatch(new RegExp(`^${filePath}\\?ticket=`));
    const whole = await raw(hub.url, link.body.url);
    expect(whole.status).toBe(200);
    expect(whole.body).toBe(PDF.toString());
    expect(whole.headers.get('content-disposition')).toContain('attachment');
    const tail = await raw(hub.url, link.body.url, { headers: { range: 'bytes=9-' } });
    expect(tail.status).toBe(206);
    expect(tail.body).toBe(PDF.subarray(9).toString());
  });

  it('is signed only for someone who may read the file: an outsider is refused the link', async () => {
    const link = await linkFor(outsider);
    expect(link.status).toBe(403);
    expect(link.body.error.code).toBe('FORBIDDEN');
    expect(link.body.url).toBeUndefined();
  });

  it('answers 404 for a link to a file that does not exist, and 403 for an export the person may not make', async () => {
    expect((await linkFor(student, '/api/materials/no-such-material/file')).status).toBe(404);
    const csv = await linkFor(student, `/api/courses/${courseId}/grades.csv`);
    expect(csv.status).toBe(403);
    expect((await linkFor(teacher, `/api/courses/${courseId}/grades.csv`)).status).toBe(200);
  });

  it('works only for the file it was made for', async () => {
    const link = await linkFor(student);
    const ticket = link.body.url.split('?')[1];
    const other = await raw(hub.url, `/api/materials/someone-else/file?${ticket}`);
    expect(other.status).toBe(401);
    expect(other.body.error.message).toContain('not valid');
  });

  it('refuses a tampered ticket', async () => {
    const link = await linkFor(student);
    const tampered = link.body.url.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect((await raw(hub.url, tampered)).status).toBe(401);
  });

  it('is made only for file downloads, saying so', async () => {
    const reply = await linkFor(student, '/api/courses');
    expect(reply.status).toBe(400);
    expect(JSON.stringify(reply.body)).toContain('only for file downloads');
  });

  it('expires after ten minutes, telling the person to start again', async () => {
    const link = await linkFor(student);
    now += 11 * 60_000;
    try {
      const reply = await raw(hub.url, link.body.url);
      expect(reply.status).toBe(401);
      expect(reply.body.error.message).toContain('expired');
    } finally {
      now -= 11 * 60_000;
    }
  });

  it('dies with the sign-in that made it', async () => {
    const session = await hub.call('signIn', {
      body: { username: student.username, password: 'Lantern-Orbit-42' },
    });
    const token = session.body.tokens.accessToken as string;
    const link = await hub.call('downloadLink', { token, body: { path: filePath } });
    expect((await raw(hub.url, link.body.url)).status).toBe(200);
    await hub.call('signOut', { token });
    expect((await raw(hub.url, link.body.url)).status).toBe(401);
  });
});
