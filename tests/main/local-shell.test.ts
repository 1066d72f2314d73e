import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LOCAL_SHELL_ORIGIN,
  localShellUrl,
  resolveLocalShellTarget,
  serveLocalShell,
} from '../../src-main/local-shell';

let root: string;
const policy = "default-src 'self'";
const serve = (url: string, method?: string) =>
  serveLocalShell(url, { root, contentSecurityPolicy: policy, ...(method ? { method } : {}) });
const text = (body: Uint8Array) => Buffer.from(body).toString('utf8');

beforeAll(async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'classhub-shell-'));
  root = path.join(parent, 'dist-renderer');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html><div id="root"></div>');
  await writeFile(path.join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  // A secret next to the renderer folder: nothing may reach it.
  await writeFile(path.join(parent, 'secret.txt'), 'teacher password');
});
afterAll(async () => {
  await rm(path.dirname(root), { recursive: true, force: true });
});

describe('serveLocalShell', () => {
  it('serves the app at the start screen and the library (SPA fallback to index.html)', async () => {
    for (const page of ['/', '/start', '/library', '/courses/42']) {
      const answer = await serve(`${LOCAL_SHELL_ORIGIN}${page}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['Content-Type']).toMatch(/^text\/html/);
      expect(text(answer.body)).toContain('id="root"');
    }
  });

  it('serves bundles with their type, the CSP and nosniff', async () => {
    const answer = await serve(`${LOCAL_SHELL_ORIGIN}/assets/app-1a2b.js`);
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toMatch(/^text\/javascript/);
    expect(answer.headers['Content-Security-Policy']).toBe(policy);
    expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
  });

  it('answers 404 for a missing file instead of the app (a broken bundle must show)', async () => {
    expect((await serve(`${LOCAL_SHELL_ORIGIN}/assets/missing.js`)).status).toBe(404);
  });

  it('refuses a path that decodes to a parent segment', () => {
    expect(resolveLocalShellTarget(`${LOCAL_SHELL_ORIGIN}/..%2fsecret.txt`, root).status).toBe(403);
  });

  it.each([
    '/%2e%2e/secret.txt',
    '/assets/%2E%2E/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/x%00.js',
  ])('refuses to leave the renderer folder: %s', async (attack) => {
    const answer = await serve(`${LOCAL_SHELL_ORIGIN}${attack}`);
    // The URL parser resolves %2e%2e itself (then the file is simply not in root: 404); the rest is 403.
    expect([403, 404]).toContain(answer.status);
    expect(text(answer.body)).not.toContain('teacher password');
  });

  it('serves nothing for another host of the scheme, another scheme or a write', async () => {
    expect((await serve('classhub-app://evil/index.html')).status).toBe(404);
    expect((await serve('http://local/index.html')).status).toBe(404);
    expect((await serve(`${LOCAL_SHELL_ORIGIN}/`, 'POST')).status).toBe(405);
    expect((await serve(`${LOCAL_SHELL_ORIGIN}/%E0%A4%A`)).status).toBe(400);
  });

  it('answers HEAD without a body', async () => {
    const answer = await serve(`${LOCAL_SHELL_ORIGIN}/start`, 'HEAD');
    expect(answer.status).toBe(200);
    expect(answer.body.byteLength).toBe(0);
  });
});

describe('resolveLocalShellTarget', () => {
  it('never names a file outside the root, whatever the path', () => {
    const target = resolveLocalShellTarget(`${LOCAL_SHELL_ORIGIN}/a/b/../../c.css`, '/srv/app');
    // The URL parser already removed the dot segments: /c.css inside the root.
    expect(target).toMatchObject({ status: 200, filePath: path.resolve('/srv/app/c.css') });
  });
});

describe('localShellUrl', () => {
  it('builds local shell URLs from app paths only', () => {
    expect(localShellUrl('/library')).toBe('classhub-app://local/library');
    expect(() => localShellUrl('//evil.example/')).toThrow();
    expect(() => localShellUrl('https://evil.example/')).toThrow();
  });
});
