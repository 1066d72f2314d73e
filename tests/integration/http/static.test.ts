import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../../scripts/precompress';
import { startHub, type TestHub } from '../../support/start-hub';

interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET without the automatic decompression of fetch, so the test sees the bytes on the wire. */
function get(url: string, acceptEncoding?: string): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

// A built web app in miniature: a hashed script, index.html and a stray source map.
const script = `console.log(${JSON.stringify('ClassHub '.repeat(500))});\n`;
const indexHtml = `<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body>${'<div id="root"></div>'.repeat(60)}</body></html>`;

describe('the web app as the hub serves it', () => {
  let rendererDir: string;
  let hub: TestHub;

  beforeAll(async () => {
    rendererDir = await mkdtemp(join(tmpdir(), 'classhub-renderer-'));
    await mkdir(join(rendererDir, 'assets'));
    await writeFile(join(rendererDir, 'index.html'), indexHtml);
    await writeFile(join(rendererDir, 'assets', 'app-Ab12Cd34.js'), script);
    await writeFile(join(rendererDir, 'assets', 'app-Ab12Cd34.js.map'), '{"version":3}');
    await writeFile(join(rendererDir, 'favicon.svg'), '<svg/>');
    await precompress(rendererDir);
    hub = await startHub({ rendererDir });
  });
  afterAll(async () => {
    await hub.stop();
    await rm(rendererDir, { recursive: true, force: true });
  });

  it('sends the brotli copy of a script to a browser that accepts it, cached for a year', async () => {
    const reply = await get(`${hub.url}/assets/app-Ab12Cd34.js`, 'gzip, deflate, br');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-encoding']).toBe('br');
    expect(reply.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(reply.headers.vary).toMatch(/Accept-Encoding/i);
    expect(reply.body.length).toBeLessThan(script.length / 5);
    expect(brotliDecompressSync(reply.body).toString()).toBe(script);
  });

  it('sends gzip where brotli is not accepted, and the plain file where nothing is', async () => {
    const gz = await get(`${hub.url}/assets/app-Ab12Cd34.js`, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);
    const plain = await get(`${hub.url}/assets/app-Ab12Cd34.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it('sends index.html compressed and revalidated on every load, at / and at deep links', async () => {
    for (const path of ['/', '/courses/some-course/materials']) {
      const reply = await get(`${hub.url}${path}`, 'br');
      expect(reply.status).toBe(200);
      expect(reply.headers['content-type']).toMatch(/^text\/html/);
      expect(reply.headers['content-encoding']).toBe('br');
      expect(reply.headers['cache-control']).toBe('no-cache');
      expect(brotliDecompressSync(reply.body).toString()).toBe(indexHtml);
    }
  });

  it('refuses source maps, even one left in the folder', async () => {
    const reply = await get(`${hub.url}/assets/app-Ab12Cd34.js.map`);
    expect(reply.status).toBe(404);
    expect(reply.body.toString()).not.toContain('"version"');
  });

  it('answers 404 for a hashed asset of another build instead of the app page', async () => {
    const reply = await get(`${hub.url}/assets/app-OLDHASH0.js`, 'br');
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).not.toMatch(/html/);
  });

  it('keeps other root files for an hour only, since their names do not change', async () => {
    const reply = await get(`${hub.url}/favicon.svg`);
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('leaves the API to the API: an unknown /api path is a JSON 404', async () => {
    const reply = await get(`${hub.url}/api/no-such-thing`);
    expect(reply.status).toBe(404);
    expect(reply.headers['content-type']).toMatch(/json/);
  });
});
