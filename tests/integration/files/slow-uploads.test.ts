import { readdir } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

// Timeouts of a fraction of a second stand in for the real 60 s, so the suite stays quick.
const STALL_SECONDS = 0.5;
const REQUEST_SECONDS = 0.5;

let hub: TestHub;
let teacher: Person;
beforeAll(async () => {
  hub = await startHub({
    verification: 'none',
    uploadStallSeconds: STALL_SECONDS,
    requestTimeoutSeconds: REQUEST_SECONDS,
  });
  teacher = await signUp(hub, { role: 'teacher', username: 'prof_slow' });
});
afterAll(() => hub.stop());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  body: { error?: { code: string; message: string }; size?: number };
}

/** Sends `parts` one after another, waiting `gaps[i]` ms before part i, like a slow or stuck network. */
function sendInParts(
  path: string,
  headers: Record<string, string>,
  parts: Buffer[],
  gaps: number[],
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, hub.url), { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    void (async () => {
      for (const [i, part] of parts.entries()) {
        await pause(gaps[i] ?? 0);
        if (req.destroyed) return;
        req.write(part);
      }
      req.end();
    })();
  });
}

function multipart(text: string) {
  const boundary = '----classhub-slow';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    headers: {
      authorization: `Bearer ${teacher.token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + Buffer.byteLength(text) + tail.length),
    },
    head,
    body: Buffer.from(text),
    tail,
  };
}

describe('uploads on a slow network', () => {
  it('finishes an upload that takes far longer than the timeouts but keeps moving', async () => {
    const text = 'slow but steady. '.repeat(40);
    const form = multipart(text);
    const chunks = Array.from({ length: 15 }, (_, i) =>
      form.body.subarray((i * form.body.length) / 15, ((i + 1) * form.body.length) / 15),
    );
    // 15 gaps of 100 ms: 1.5 s in all, three times both limits, each gap well inside the stall limit.
    const answer = await sendInParts(
      '/api/uploads',
      form.headers,
      [form.head, ...chunks, form.tail],
      [0, ...chunks.map(() => 100), 0],
    );

    expect(answer.status).toBe(201);
    expect(answer.body.size).toBe(Buffer.byteLength(text));
  });

  it('cuts an upload that stops sending, with a JSON error saying what to do', async () => {
    const form = multipart('half of the file');
    const answer = await sendInParts(
      '/api/uploads',
      form.headers,
      [form.head, form.body.subarray(0, 4), form.body.subarray(4), form.tail],
      [0, 0, 3_000, 0],
    );

    expect(answer.status).toBe(408);
    expect(answer.body.error).toEqual({
      code: 'REQUEST_TIMEOUT',
      message: expect.stringMatching(/no data arrived for 0\.5 seconds/),
    });
    expect(answer.body.error?.message).toMatch(/upload the file again/);
    // The part that did arrive is not kept (removed as the staging stream winds down).
    await expect
      .poll(() => readdir(join(hub.dataDir, 'blobs', 'incoming')), { timeout: 10_000 })
      .toEqual([]);
  });

  it('still limits how long any other request may take to arrive', async () => {
    const body = Buffer.from(JSON.stringify({ text: 'hello' }));
    const answer = await sendInParts(
      '/api/me/status-updates',
      {
        authorization: `Bearer ${teacher.token}`,
        'content-type': 'application/json',
        'content-length': String(body.length),
      },
      [body.subarray(0, 3), body.subarray(3)],
      [0, 3_000],
    );

    expect(answer.status).toBe(408);
    expect(answer.body.error?.code).toBe('REQUEST_TIMEOUT');
    expect(answer.body.error?.message).toMatch(/did not arrive within/);
  });
});
