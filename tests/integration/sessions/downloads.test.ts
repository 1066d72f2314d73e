import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG } from '../../support/files';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import {
  TINY_PDF,
  download,
  hostSession,
  join,
  post,
  sha256,
  uploadFile,
  uploadRaw,
  uploaded,
} from './fixtures';

let hub: TestHub;
let host: Person;
let member: Person;
let sessionId: string;
/** The host's post: notes.pdf, board.png and notes.gz, which every member may download. */
let postId: string;
const files = { pdf: '', png: '', gz: '' };
const GZ = gzipSync('some archived notes');

beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  await signUp(hub); // the admin
  host = await signUp(hub, { role: 'teacher' });
  member = await signUp(hub);
  const session = await hostSession(hub, host);
  sessionId = session.id;
  await join(hub, member, session.joinToken);
  files.pdf = await uploaded(hub, host, TINY_PDF, 'notes.pdf');
  files.png = await uploaded(hub, host, TINY_PNG, 'board.png');
  files.gz = await uploaded(hub, host, GZ, 'notes.gz');
  postId = (await post(hub, host, sessionId, { text: 'Files', fileIds: Object.values(files) })).id;
});
afterAll(() => hub.stop());

/** Attaches an upload reply's file to a new post of the member's and downloads it. */
async function postAndFetch(uploadReply: { status: number; body: { id: string } }) {
  expect(uploadReply.status).toBe(201);
  const created = await post(hub, member, sessionId, { fileIds: [uploadReply.body.id] });
  return download(hub, member, created.id, uploadReply.body.id);
}

describe('downloading a post’s file', () => {
  it('sends the bytes with the detected type, as an attachment, with the checksum as ETag', async () => {
    const reply = await download(hub, member, postId, files.pdf);
    expect(reply.status).toBe(200);
    expect(reply.bytes.equals(TINY_PDF)).toBe(true);
    expect(reply.headers.get('content-type')).toBe('application/pdf');
    expect(reply.headers.get('content-length')).toBe(String(TINY_PDF.length));
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename=notes.pdf');
    expect(reply.headers.get('etag')).toBe(`"${sha256(TINY_PDF)}"`);
    expect(reply.headers.get('accept-ranges')).toBe('bytes');
  });

  it('never lets a downloaded file run in the hub’s origin', async () => {
    const reply = await download(hub, member, postId, files.png);
    expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
    expect(reply.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  });

  it('answers If-None-Match with the same ETag with 304 and no body', async () => {
    const etag = `"${sha256(TINY_PNG)}"`;
    // fetch() adds `Cache-Control: no-cache` (a forced reload) unless the request names its own.
    const reply = await download(hub, member, postId, files.png, {
      headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' },
    });
    expect(reply.status).toBe(304);
    expect(reply.bytes.length).toBe(0);
    const changed = await download(hub, member, postId, files.png, {
      headers: { 'if-none-match': '"something-else"', 'cache-control': 'max-age=0' },
    });
    expect(changed.status).toBe(200);
    expect(changed.bytes.equals(TINY_PNG)).toBe(true);
  });

  it('answers a Range request with 206 and exactly those bytes', async () => {
    const reply = await download(hub, member, postId, files.png, {
      headers: { range: 'bytes=0-9' },
    });
    expect(reply.status).toBe(206);
    expect(reply.headers.get('content-range')).toBe(`bytes 0-9/${TINY_PNG.length}`);
    expect(reply.headers.get('content-length')).toBe('10');
    expect(reply.bytes.equals(TINY_PNG.subarray(0, 10))).toBe(true);
    const tail = await download(hub, member, postId, files.png, { headers: { range: 'bytes=-4' } });
    expect(tail.status).toBe(206);
    expect(tail.bytes.equals(TINY_PNG.subarray(-4))).toBe(true);
  });

  it('answers a range outside the file with 416, the file’s length and a JSON error', async () => {
    const reply = await download(hub, member, postId, files.png, {
      headers: { range: `bytes=${TINY_PNG.length + 10}-${TINY_PNG.length + 20}` },
    });
    expect(reply.status).toBe(416);
    expect(reply.headers.get('content-range')).toBe(`bytes */${TINY_PNG.length}`);
    expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(reply.headers.get('content-disposition')).toBeNull();
    expect(reply.body.error).toEqual({
      code: 'RANGE_NOT_SATISFIABLE',
      message: 'The requested byte range is outside the file.',
    });
  });

  it('opens a PDF or PNG inline with ?inline=1, but never an archive', async () => {
    const pdf = await download(hub, member, postId, files.pdf, { query: '?inline=1' });
    expect(pdf.headers.get('content-disposition')).toBe('inline; filename=notes.pdf');
    const png = await download(hub, member, postId, files.png, { query: '?inline=1' });
    expect(png.headers.get('content-disposition')).toBe('inline; filename=board.png');
    const gz = await download(hub, member, postId, files.gz, { query: '?inline=1' });
    expect(gz.status).toBe(200);
    expect(gz.headers.get('content-type')).toBe('application/gzip');
    expect(gz.headers.get('content-disposition')).toBe('attachment; filename=notes.gz');
  });

  it('answers a file that is not on the post with 404', async () => {
    const elsewhere = await uploaded(hub, member, TINY_PNG, 'loose.png');
    const reply = await download(hub, member, postId, elsewhere);
    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('NOT_FOUND');
  });
});

describe('file names', () => {
  it('keeps a path-like name only as a plain label: ../../etc/passwd becomes passwd', async () => {
    const uploadReply = await uploadFile(
      hub,
      member,
      Buffer.from('root:x:0:0\n'),
      '../../etc/passwd',
    );
    expect(uploadReply.body.fileName).toBe('passwd');
    const reply = await postAndFetch(uploadReply);
    expect(reply.headers.get('content-disposition')).toBe('attachment; filename=passwd');
  });

  it('strips Windows paths too', async () => {
    const uploadReply = await uploadRaw(
      hub,
      member,
      'filename="C:\\\\Users\\\\kim\\\\essay.txt"',
      Buffer.from('My essay\n'),
    );
    expect(uploadReply.body.fileName).toBe('essay.txt');
  });

  it('keeps a name with quotes and escapes them in Content-Disposition', async () => {
    const uploadReply = await uploadRaw(
      hub,
      member,
      `filename*=UTF-8''report%20%22v2%22.pdf`,
      TINY_PDF,
    );
    expect(uploadReply.body.fileName).toBe('report "v2".pdf');
    const reply = await postAndFetch(uploadReply);
    expect(reply.headers.get('content-disposition')).toBe(
      'attachment; filename="report \\"v2\\".pdf"',
    );
  });

  it('keeps a Unicode name, as a browser sends it, and encodes it for the header (RFC 6266)', async () => {
    const name = 'Résumé “final” 数学.pdf';
    const uploadReply = await uploadFile(hub, member, TINY_PDF, name, 'application/pdf');
    expect(uploadReply.body.fileName).toBe(name);
    const reply = await postAndFetch(uploadReply);
    const disposition = reply.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toBe(name);
  });

  it('keeps a Unicode name sent in RFC 5987 form the same way', async () => {
    const uploadReply = await uploadRaw(
      hub,
      member,
      `filename*=UTF-8''${encodeURIComponent('Übung 3.pdf')}`,
      TINY_PDF,
    );
    expect(uploadReply.body.fileName).toBe('Übung 3.pdf');
  });
});
