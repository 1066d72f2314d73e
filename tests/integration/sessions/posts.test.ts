import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG } from '../../support/files';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { TINY_PDF, hostSession, join, post, sha256, uploadFile, uploaded } from './fixtures';

let hub: TestHub;
let admin: Person;
let host: Person;
let member: Person;
let sessionId: string;
beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  admin = await signUp(hub);
  host = await signUp(hub, { role: 'teacher' });
  member = await signUp(hub);
  const session = await hostSession(hub, host);
  sessionId = session.id;
  await join(hub, member, session.joinToken);
});
afterAll(() => hub.stop());

describe('uploads', () => {
  it('accepts a PDF, detecting its type from the bytes, with size and checksum', async () => {
    const reply = await uploadFile(hub, member, TINY_PDF, 'notes.pdf', 'text/plain');
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String),
      fileName: 'notes.pdf',
      contentType: 'application/pdf',
      kind: 'document',
      size: TINY_PDF.length,
      sha256: sha256(TINY_PDF),
    });
  });

  it('accepts a PNG whatever type the client claims', async () => {
    const reply = await uploadFile(hub, member, TINY_PNG, 'board.png', 'application/octet-stream');
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      contentType: 'image/png',
      kind: 'media',
      size: TINY_PNG.length,
    });
  });

  it('accepts a text file as text/plain', async () => {
    const text = Buffer.from('Homework: exercises 3–7, due Friday.\n');
    const reply = await uploadFile(hub, member, text, 'homework.txt', 'text/plain');
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      contentType: 'text/plain',
      kind: 'document',
      size: text.length,
    });
  });

  it.each([
    [
      'a Linux executable',
      Buffer.concat([Buffer.from('7f454c46020101', 'hex'), Buffer.alloc(120)]),
      'tool',
    ],
    [
      'a Windows executable',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0')]),
      'setup.exe',
    ],
    [
      'an HTML page',
      Buffer.from('<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>\n'),
      'page.html',
    ],
    [
      'an SVG image',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'logo.svg',
    ],
    ['an unknown binary', Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 255, 254, 0, 7]), 'blob.bin'],
  ])('refuses %s with 415', async (_what, bytes, name) => {
    const reply = await uploadFile(hub, member, bytes, name, 'application/pdf');
    expect(reply.status).toBe(415);
    expect(reply.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(reply.body.error.message).toContain('Upload a PDF, an image');
  });

  it('refuses a file over the hub’s upload limit with 413, naming the limit', async () => {
    const limit = await hub.call('updateSettings', {
      token: admin.token,
      body: { uploadLimitBytes: 1024 * 1024 },
    });
    expect(limit.status).toBe(200);
    try {
      const big = Buffer.concat([TINY_PNG, Buffer.alloc(1.2 * 1024 * 1024)]);
      const reply = await uploadFile(hub, member, big, 'huge.png', 'image/png');
      expect(reply.status).toBe(413);
      expect(reply.body.error).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: 'The file is too large: the limit is 1 MB.',
      });
      // Just under the limit is fine.
      const fits = Buffer.concat([TINY_PNG, Buffer.alloc(1024 * 1024 - TINY_PNG.length)]);
      expect((await uploadFile(hub, member, fits, 'fits.png')).status).toBe(201);
    } finally {
      await hub.call('updateSettings', {
        token: admin.token,
        body: { uploadLimitBytes: 50 * 1024 * 1024 },
      });
    }
  });

  it('refuses an upload without the field "file", naming it', async () => {
    const form = new FormData();
    form.append('attachment', new Blob([new Uint8Array(TINY_PNG)]), 'a.png');
    const response = await fetch(new URL('/api/uploads', hub.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${member.token}` },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { details: unknown } }).error.details).toEqual({
      fields: [{ path: 'file', message: 'Choose a file.' }],
    });
  });
});

describe('posts with files', () => {
  it('creates a post with text and files, in the order given', async () => {
    const pdf = await uploaded(hub, member, TINY_PDF, 'worksheet.pdf');
    const png = await uploaded(hub, member, TINY_PNG, 'board.png');
    const created = await hub.call('createPost', {
      token: member.token,
      params: { sessionId },
      body: { text: '  Today’s work ', fileIds: [pdf, png] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      sessionId,
      text: 'Today’s work',
      author: { id: member.id },
      commentCount: 0,
      permissions: { canEdit: true, canDelete: true },
    });
    expect(created.body.files).toEqual([
      expect.objectContaining({
        id: pdf,
        fileName: 'worksheet.pdf',
        contentType: 'application/pdf',
        canDownload: true,
      }),
      expect.objectContaining({
        id: png,
        fileName: 'board.png',
        contentType: 'image/png',
        canDownload: true,
      }),
    ]);
  });

  it('creates a post with only a file, but refuses an empty one', async () => {
    const png = await uploaded(hub, member, TINY_PNG, 'only.png');
    expect((await post(hub, member, sessionId, { fileIds: [png] })).text).toBe('');
    const empty = await hub.call('createPost', {
      token: member.token,
      params: { sessionId },
      body: { text: '  ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.error.details.fields[0]).toEqual({
      path: 'text',
      message: 'Write something or attach a file.',
    });
  });

  it('attaches an upload only once', async () => {
    const png = await uploaded(hub, member, TINY_PNG, 'once.png');
    await post(hub, member, sessionId, { text: 'first', fileIds: [png] });
    const second = await hub.call('createPost', {
      token: member.token,
      params: { sessionId },
      body: { text: 'second', fileIds: [png] },
    });
    expect(second.status).toBe(400);
    expect(second.body.error.details.fields[0].path).toBe('fileIds');
    expect(second.body.error.message).toContain(png);
  });

  it('attaches only the poster’s own uploads, and then none of the batch', async () => {
    const mine = await uploaded(hub, member, TINY_PNG, 'mine.png');
    const theirs = await uploaded(hub, host, TINY_PDF, 'theirs.pdf');
    const reply = await hub.call('createPost', {
      token: member.token,
      params: { sessionId },
      body: { text: 'borrowed', fileIds: [mine, theirs] },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details.fields).toEqual([
      {
        path: 'fileIds',
        message: `File ${theirs} is not one of your unattached uploads. Upload it again.`,
      },
    ]);
    // Nothing was claimed: both owners can still use their own upload.
    expect((await post(hub, member, sessionId, { fileIds: [mine] })).files[0].id).toBe(mine);
    expect((await post(hub, host, sessionId, { fileIds: [theirs] })).files[0].id).toBe(theirs);
  });

  it('lets the author attach more files and remove one, marking the post edited', async () => {
    const first = await uploaded(hub, member, TINY_PDF, 'a.pdf');
    const created = await post(hub, member, sessionId, { text: 'growing', fileIds: [first] });
    const second = await uploaded(hub, member, TINY_PNG, 'b.png');
    const added = await hub.call('updatePost', {
      token: member.token,
      params: { postId: created.id },
      body: { addFileIds: [second] },
    });
    expect(added.status).toBe(200);
    expect(added.body.files.map((f: { id: string }) => f.id)).toEqual([first, second]);
    expect(added.body.editedAt).toEqual(expect.any(String));
    const removed = await hub.call('removePostFile', {
      token: member.token,
      params: { postId: created.id, fileId: first },
    });
    expect(removed.status).toBe(200);
    expect(removed.body.files.map((f: { id: string }) => f.id)).toEqual([second]);
    const gone = await hub.call('removePostFile', {
      token: member.token,
      params: { postId: created.id, fileId: first },
    });
    expect(gone.status).toBe(404);
  });

  it('refuses to remove the only content of a post (409): delete the post instead', async () => {
    const png = await uploaded(hub, member, TINY_PNG, 'sole.png');
    const created = await post(hub, member, sessionId, { fileIds: [png] });
    const reply = await hub.call('removePostFile', {
      token: member.token,
      params: { postId: created.id, fileId: png },
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('CONFLICT');
  });

  it('stores an archive like any other material', async () => {
    const reply = await uploadFile(hub, member, gzipSync('notes'), 'notes.gz');
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ contentType: 'application/gzip', kind: 'archive' });
  });
});
