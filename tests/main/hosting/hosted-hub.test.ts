import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostedHub, type HostedHub } from '../../../src-main/hosting/hosted-hub';
import { describeHostingError } from '../../../src-main/hosting/hosting-errors';
import type { HostedHubStatus } from '../../../src-shared/bridge';

let folder: string;
const opened: HostedHub[] = [];
const blockers: Server[] = [];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'classhub-hosting-'));
});
afterEach(async () => {
  for (const hosted of opened.splice(0)) await hosted.close();
  for (const server of blockers.splice(0)) await new Promise((done) => server.close(done));
  await rm(folder, { recursive: true, force: true });
});

/** Takes a port on all interfaces, as another program would. */
async function occupyPort(): Promise<number> {
  const server = createServer();
  blockers.push(server);
  await new Promise<void>((done) => server.listen(0, '0.0.0.0', done));
  return (server.address() as { port: number }).port;
}

async function freePort(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((done) => {
    server.once('error', () => done(false));
    server.listen(port, '0.0.0.0', () => server.close(() => done(true)));
  });
}

function hosted(port: number, dataFolder = join(folder, 'hub')): HostedHub {
  const hub = createHostedHub({
    dataFolder,
    port,
    settingsFile: join(folder, 'settings.json'),
    hubOptions: { logLevel: 'silent', bcryptRounds: 4, advertise: false },
  });
  opened.push(hub);
  return hub;
}

describe('hosting a hub in the app', () => {
  it('starts on the network, answering on every address it shows, and stops freeing the port', async () => {
    const port = await occupyPort();
    await new Promise((done) => blockers.pop()!.close(done)); // a free port chosen for this test
    const hub = hosted(port);
    const seen: HostedHubStatus['state'][] = [];
    hub.onStatus((status) => seen.push(status.state));
    expect((await hub.status()).state).toBe('stopped');

    const running = await hub.start();
    expect(running).toMatchObject({ state: 'running', port, advertised: false });
    expect(running.urls.at(-1)).toBe(`http://127.0.0.1:${port}`);
    for (const url of running.urls) {
      const health = await fetch(`${url}/api/health`);
      expect(health.status, url).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
    }
    expect(await hub.start()).toMatchObject({ state: 'running', port }); // pressing twice is harmless

    expect(await hub.stop()).toMatchObject({ state: 'stopped', urls: [] });
    expect(await freePort(port)).toBe(true);
    expect(seen).toEqual(['starting', 'running', 'stopped']);

    expect(await hub.start()).toMatchObject({ state: 'running', port });
  });

  it('falls back to a free port when the preferred one is taken', async () => {
    const taken = await occupyPort();
    const status = await hosted(taken).start();
    expect(status.state).toBe('running');
    expect(status.port).not.toBe(taken);
    expect((await fetch(`${status.urls.at(-1)}/api/health`)).status).toBe(200);
  });

  it('says plainly when another hub already uses the data folder', async () => {
    const first = await hosted(0).start();
    expect(first.state).toBe('running');
    const second = await hosted(0).start();
    expect(second).toMatchObject({ state: 'failed', urls: [] });
    expect(second.error).toMatch(
      /^Another ClassHub hub is already using this computer's hub data \(process \d+\), at http:\/\/127\.0\.0\.1:\d+\. Open that address to use it, or stop that hub, then press Start again\.$/,
    );
  });

  it('remembers whether to keep running in the tray', async () => {
    const hub = hosted(0);
    expect((await hub.status()).keepRunningInTray).toBe(false);
    expect((await hub.setKeepRunningInTray(true)).keepRunningInTray).toBe(true);
    expect((await hosted(0).status()).keepRunningInTray).toBe(true);
    expect(JSON.parse(await readFile(join(folder, 'settings.json'), 'utf8'))).toEqual({
      keepRunningInTray: true,
    });
  });
});

describe('hosting errors', () => {
  it('are told in words a teacher can act on', () => {
    const busy = Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' });
    expect(describeHostingError(busy)).toMatch(/port the hub needs is taken/);
    expect(describeHostingError(new Error('Not allowed to listen on port 80.'))).toMatch(
      /does not allow the app to accept connections/,
    );
    expect(describeHostingError(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe(
      'The disk is full. Free some space, then press Start again.',
    );
  });

  it('point the teacher to the hub that already uses the data folder', () => {
    const inUse = new Error(
      'The data folder /data is in use by another hub (process 4242), running at http://127.0.0.1:4000. Open http://127.0.0.1:4000 to use it, stop that hub first, or choose another folder with --data.',
    );
    expect(describeHostingError(inUse)).toMatch(
      /already using .* \(process 4242\), at http:\/\/127\.0\.0\.1:4000\. Open that address/,
    );
  });
});
