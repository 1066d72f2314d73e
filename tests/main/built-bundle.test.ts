import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostedHubStatus } from '../../src-shared/bridge';
import { buildMain } from '../../scripts/build-main';
import { ipcChannels } from '../../src-main/ipc-channels';
import type { IpcResult } from '../../src-main/ipc-result';

/**
 * The BUILT main bundle (scripts/build-main.ts, as `npm run build:main`
 * makes it) started under plain Node with a stand-in for Electron
 * (built-bundle/electron-stand-in.mjs): what the bundler or a missing
 * package breaks, and what only shows in the bundle, fails here — not in a
 * teacher's classroom.
 */
const root = resolve(import.meta.dirname, '../..');
type Report = { type: string; [key: string]: unknown };

let folder: string;
let child: ChildProcess;
const reports: Report[] = [];
const waiters: { match: (r: Report) => boolean; resolve: (r: Report) => void }[] = [];
let nextId = 0;

function record(report: Report): void {
  reports.push(report);
  for (const waiter of waiters.splice(0)) {
    if (waiter.match(report)) waiter.resolve(report);
    else waiters.push(waiter);
  }
}

function waitFor(match: (report: Report) => boolean): Promise<Report> {
  const seen = reports.find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolveReport) => waiters.push({ match, resolve: resolveReport }));
}

/** Calls a bridge channel as a page of `senderUrl` would, through main's real IPC handler. */
async function invoke<T>(channel: string, senderUrl: string, ...args: unknown[]): Promise<T> {
  const id = ++nextId;
  child.send({ type: 'invoke', id, channel, senderUrl, args });
  const answer = await waitFor((r) => r.type === 'invoked' && r.id === id);
  const result = answer.result as IpcResult<T>;
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

const startScreen = 'classhub-app://local/start';
let stderr = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'classhub-built-main-'));
  const { outdir } = await buildMain({ outdir: join(folder, 'dist-main'), logLevel: 'silent' });
  // The bundle keeps npm packages external: they resolve from the app's node_modules, as when packaged.
  await symlink(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
  child = fork(join(outdir, 'main.js'), [], {
    execArgv: ['--import', join(root, 'tests/main/built-bundle/resolve-electron.mjs')],
    env: {
      ...process.env,
      CLASSHUB_USER_DATA: join(folder, 'user-data'),
      CLASSHUB_STAND_IN_APP_PATH: root,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.on('message', record);
  child.on('exit', (code) => record({ type: 'child-exit', code }));
  await waitFor((r) => r.type === 'load-url' || r.type === 'child-exit');
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill();
  await rm(folder, { recursive: true, force: true });
});

describe('the built main bundle', () => {
  it('starts, registers every IPC channel and opens the start screen', () => {
    expect(
      reports.find((r) => r.type === 'child-exit'),
      stderr,
    ).toBeUndefined();
    const registered = reports.filter((r) => r.type === 'ipc-handle').map((r) => r.channel);
    expect(new Set(registered)).toEqual(new Set(Object.values(ipcChannels)));
    expect(reports).toContainEqual({ type: 'load-url', url: startScreen });
  });

  it('hosts a real hub that answers over HTTP, and opens the window on it', async () => {
    const status = await invoke<HostedHubStatus>(ipcChannels.hostingStart, startScreen);
    expect(status.state, status.error).toBe('running');
    const own = status.urls.find((url) => url.startsWith('http://127.0.0.1:'))!;
    const health = await fetch(`${own}/api/health`);
    expect(health.status).toBe(200);
    await waitFor((r) => r.type === 'load-url' && String(r.url).startsWith(own));
  });

  it('logs an uncaught error and an unhandled rejection, tells the person once, and keeps hosting', async () => {
    child.send({ type: 'throw', text: 'a bug in main' });
    child.send({ type: 'reject', text: 'a promise nobody awaited' });
    const dialog = await waitFor((r) => r.type === 'dialog');
    expect(dialog.title).toBe('ClassHub met an unexpected error');
    const status = await invoke<HostedHubStatus>(ipcChannels.hostingStatus, startScreen);
    expect(status.state).toBe('running');
    const own = status.urls.find((url) => url.startsWith('http://127.0.0.1:'))!;
    expect((await fetch(`${own}/api/health`)).status).toBe(200);
    expect(reports.filter((r) => r.type === 'dialog')).toHaveLength(1);
  });

  it('quits in order: the hosted hub stops and both log files hold their lines', async () => {
    child.send({ type: 'quit' });
    await waitFor((r) => r.type === 'child-exit');
    const logs = join(folder, 'user-data', 'logs');
    const names = await readdir(logs);
    const text = async (prefix: string) =>
      (
        await Promise.all(
          names.filter((n) => n.startsWith(prefix)).map((n) => readFile(join(logs, n), 'utf8')),
        )
      ).join('');
    const main = await text('main.');
    expect(main).toMatch(/ClassHub starting/);
    expect(main).toMatch(/a bug in main/);
    expect(main).toMatch(/a promise nobody awaited/);
    expect(main).toMatch(/ClassHub stopped/);
    expect(await text('hub.')).toMatch(/hub is listening/);
  });
});
