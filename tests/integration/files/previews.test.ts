import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG, upload } from '../../support/files';
import { pdf } from '../../support/pdf';
import { raw } from '../../support/http';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * Previews: the app frames a signed link with `&inline=1`. Only PDFs and
 * raster images come back inline (sandboxed, frameable by the hub's own
 * pages only); anything a browser could run stays an attachment. The link
 * is signed for anyone, but the file route still checks who may read it.
 */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
);
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
const GZ = gzipSync('archived notes');
const MARKDOWN = Buffer.from('# Notes\n\n<script>alert(1)</script>\n');
const INLINE_CSP = "default-src 'none'; frame-ancestors 'self'; sandbox";

let now = Date.parse('2026-11-24T12:00:00Z');
let hub: TestHub;
let teacher: Person;
let student: Person;
let classmate: Person;
let outsider: Person;
let courseId: string;
const materials = { pdf: '', png: '', gz: '', md: '' };
let submissionPath: string;

async function uploaded(person: Person, bytes: Buffer, name: string, type: string) {
  const reply = await upload(
    `${hub.url}/api/uploads`,
    person.token,
    'file',
    bytes,
    name,
    type,
    'POST',
  );
  expect(reply.status).toBe(201);
  return reply.body.id as string;
}

async function material(bytes: Buffer, name: string, type: string) {
  const fileId = await uploaded(teacher, bytes, name, type);
  const reply = await hub.call('addMaterial', {
    token: teacher.token,
    params: { courseId },
    body: { fileId },
  });
  expect(reply.status).toBe(201);
  return `/api/materials/${reply.body.id}/file`;
}

beforeAll(async () => {
  hub = await startHub({ verification: 'none', now: () => new Date(now) });
  await signUp(hub); // the admin
  teacher = await signUp(hub, { role: 'teacher' });
  student = await signUp(hub);
  classmate = await signUp(hub);
  outsider = await signUp(hub);
  courseId = (
    await hub.call('createCourse', { token: teacher.token, body: { title: 'Art', capacity: 5 } })
  ).body.id;
  for (const person of [student, classmate])
    await hub.call('enrol', { token: person.token, params: { courseId } });
  materials.pdf = await material(PDF, 'Lecture.pdf', 'application/pdf');
  materials.png = await material(TINY_PNG, 'Board.png', 'image/png');
  materials.gz = await material(GZ, 'Notes.gz', 'application/gzip');
  materials.md = await material(MARKDOWN, 'Notes.md', 'text/markdown');
  const deadlineId = (
    await hub.call('createDeadline', {
      token: teacher.token,
      params: { courseId },
      body: { title: 'Essay', dueAt: '2026-11-30T17:00:00Z', maxPoints: 10 },
    })
  ).body.id;
  const fileId = await uploaded(student, PDF, 'Essay.pdf', 'application/pdf');
  const submission = await hub.call('submit', {
    token: student.token,
    params: { deadlineId },
    body: { comment: '', fileIds: [fileId] },
  });
  expect(submission.status).toBe(201);
  submissionPath = `/api/submissions/${submission.body.id}/files/${fileId}`;
});
afterAll(() => hub.stop());

/** What the preview frame asks for: a signed link for `person`, opened inline. */
async function preview(person: Person, path: string, headers: Record<string, string> = {}) {
  const link = await hub.call('downloadLink', { token: person.token, body: { path } });
  expect(link.status).toBe(200);
  return raw(hub.url, `${link.body.url}&inline=1`, { headers });
}

describe('previewing a file inline', () => {
  it('serves a material PDF inline, sandboxed, frameable only by the hub’s pages', async () => {
    const reply = await preview(student, materials.pdf);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(reply.headers.get('content-disposition')).toBe('inline; filename=Lecture.pdf');
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toBe(INLINE_CSP);
    expect(reply.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('serves a PNG inline the same way', async () => {
    const reply = await preview(student, materials.png);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('image/png');
    expect(reply.headers.get('content-disposition')).toBe('inline; filename=Board.png');
    expect(reply.headers.get('content-security-policy')).toBe(INLINE_CSP);
  });

  it('never stores SVG or HTML, the types a browser would run', async () => {
    for (const [bytes, name, type] of [
      [SVG, 'Logo.svg', 'image/svg+xml'],
      [HTML, 'Page.html', 'text/html'],
    ] as const) {
      const reply = await upload(
        `${hub.url}/api/uploads`,
        teacher.token,
        'file',
        bytes,
        name,
        type,
        'POST',
      );
      expect(reply.status).toBe(415);
    }
  });

  it('keeps other types (archive, markdown) as attachments even when asked inline', async () => {
    for (const [path, name] of [
      [materials.gz, 'Notes.gz'],
      [materials.md, 'Notes.md'],
    ] as const) {
      const reply = await preview(student, path);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-disposition')).toBe(`attachment; filename=${name}`);
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    }
  });

  it('answers a Range request on the inline link with 206 and just those bytes', async () => {
    const reply = await preview(student, materials.pdf, { range: 'bytes=0-7' });
    expect(reply.status).toBe(206);
    expect(reply.body).toBe('%PDF-1.4');
    expect(reply.headers.get('content-range')).toBe(`bytes 0-7/${PDF.length}`);
    expect(reply.headers.get('content-disposition')).toBe('inline; filename=Lecture.pdf');
  });

  it('lets the student and the course’s teacher preview handed-in work inline', async () => {
    for (const person of [student, teacher]) {
      const reply = await preview(person, submissionPath);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-disposition')).toBe('inline; filename=Essay.pdf');
    }
  });

  it('signs no preview link for people who may not read the file', async () => {
    for (const [person, path] of [
      [outsider, materials.pdf],
      [classmate, submissionPath],
      [outsider, submissionPath],
    ] as const) {
      const link = await hub.call('downloadLink', { token: person.token, body: { path } });
      expect(link.status).toBe(403);
      expect(link.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('still checks rights when the link is used: a link of the student’s does not open another file', async () => {
    const link = await hub.call('downloadLink', {
      token: classmate.token,
      body: { path: materials.pdf },
    });
    const ticket = link.body.url.split('?')[1];
    const reply = await raw(hub.url, `${submissionPath}?${ticket}&inline=1`);
    expect(reply.status).toBe(401);
    expect(reply.headers.get('content-disposition')).toBeNull();
  });

  it('refuses an inline link without a ticket, and one that has expired', async () => {
    const bare = await raw(hub.url, `${materials.pdf}?inline=1`);
    expect(bare.status).toBe(401);
    const link = await hub.call('downloadLink', {
      token: student.token,
      body: { path: materials.pdf },
    });
    now += 11 * 60_000;
    try {
      const reply = await raw(hub.url, `${link.body.url}&inline=1`);
      expect(reply.status).toBe(401);
      expect(reply.body.error.message).toContain('expired');
    } finally {
      now -= 11 * 60_000;
    }
  });
});

/**
 * Issue 15 point 4: a 50 MB PDF shows its first page quickly because the
 * viewer reads it by ranges. Measured in bytes, not time: each answer
 * carries exactly the bytes asked for, never the whole file.
 */
describe('previewing a 50 MB PDF', () => {
  const MB = 1024 * 1024;
  const size = 50 * MB; // the hub's default upload limit
  let url: string;

  beforeAll(async () => {
    // The padding's own length is written into the PDF: take its digits off the padding.
    const room = size - pdf('Atlas, page one').length;
    const big = pdf('Atlas, page one', room - (String(room).length - 1));
    expect(big.length).toBe(size);
    const path = await material(big, 'Atlas.pdf', 'application/pdf');
    const link = await hub.call('downloadLink', { token: student.token, body: { path } });
    url = `${hub.url}${link.body.url}&inline=1`;
  });

  it('says it takes ranges and how big it is, without sending a byte of it (HEAD)', async () => {
    const reply = await fetch(url, { method: 'HEAD' });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('accept-ranges')).toBe('bytes');
    expect(reply.headers.get('content-length')).toBe(String(size));
    expect((await reply.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers the first 64 KiB, which hold the first page, with 206 and only those bytes', async () => {
    const reply = await fetch(url, { headers: { range: 'bytes=0-65535' } });
    expect(reply.status).toBe(206);
    expect(reply.headers.get('content-range')).toBe(`bytes 0-65535/${size}`);
    expect(reply.headers.get('content-length')).toBe('65536');
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(reply.headers.get('content-disposition')).toBe('inline; filename=Atlas.pdf');
    const bytes = Buffer.from(await reply.arrayBuffer());
    expect(bytes.length).toBe(65_536);
    expect(bytes.subarray(0, 8).toString()).toBe('%PDF-1.4');
    expect(bytes.includes('(Atlas, page one) Tj')).toBe(true);
  });

  it('answers the trailer from the end (a suffix range), as a viewer reads it first', async () => {
    const reply = await fetch(url, { headers: { range: 'bytes=-1024' } });
    expect(reply.status).toBe(206);
    expect(reply.headers.get('content-range')).toBe(`bytes ${size - 1024}-${size - 1}/${size}`);
    const bytes = Buffer.from(await reply.arrayBuffer());
    expect(bytes.length).toBe(1024);
    expect(bytes.toString().endsWith('%%EOF\n')).toBe(true);
  });

  it('refuses a range past the end with 416 and the real size', async () => {
    const reply = await fetch(url, { headers: { range: `bytes=${size}-` } });
    expect(reply.status).toBe(416);
    expect(reply.headers.get('content-range')).toBe(`bytes */${size}`);
  });
});
