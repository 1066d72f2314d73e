/**
 * CI check (.ci/run, "production-install"): a production copy of ClassHub
 * works with nothing but its production dependencies. It copies the built
 * output and package files (scripts/hub-files.ts) into a temp folder, runs
 * `npm ci --omit=dev` there — no tsx, esbuild, vite or Electron — and starts
 * the README's command, `npm start`. Then: /api/health answers, the web app's
 * index comes brotli-compressed, a demo account signs in (the bcrypt worker
 * and the common-password list load from the bundle), and Ctrl+C stops it
 * with its closing line. Needs `npm run build` first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { api } from '../src-shared/api';
import { DEMO_PASSWORD } from '../src-server/seed/demo-world';
import { PRODUCTION_FILES } from './hub-files';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'classhub-production-'));
  try {
    for (const file of PRODUCTION_FILES) {
      // Timestamps kept, as a copy or archive would: the bundle is not "older than its sources".
      await cp(path.join(root, file), path.join(dir, file), {
        recursive: true,
        preserveTimestamps: true,
      });
    }
    console.log(`production copy in ${dir}; npm ci --omit=dev…`);
    const install = spawnSync(npm, ['ci', '--omit=dev', '--no-audit', '--no-fund'], {
      cwd: dir,
      stdio: 'inherit',
    });
    must(install.status === 0, `npm ci --omit=dev failed (exit ${install.status})`);
    for (const devOnly of ['tsx', 'esbuild', 'vite', 'electron']) {
      const present = spawnSync(process.execPath, ['-e', `require.resolve('${devOnly}')`], {
        cwd: dir,
      });
      must(present.status !== 0, `${devOnly} is installed, so this is not an omit-dev install`);
    }
    await startAndCheck(dir);
    console.log('the production install starts, serves and stops as documented');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function startAndCheck(dir: string): Promise<void> {
  const hub = spawn(
    npm,
    ['start', '--', '--port', '0', '--host', '127.0.0.1', '--no-advertise', '--bcrypt-rounds', '4'],
    // Its own process group, so "Ctrl+C" below reaches npm and the hub alike, as in a terminal.
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  hub.stdout.on('data', collect);
  hub.stderr.on('data', collect);
  const exited = new Promise<string>((resolve) =>
    hub.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`)),
  );
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no "running at" line in 60 s')), 60_000);
      const look = () => {
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      hub.stdout.on('data', look);
      void exited.then(() => reject(new Error('npm start exited before the hub ran')));
    });
    console.log(`npm start: hub at ${url}`);

    const health = await fetch(`${url}/api/health`);
    must(health.status === 200, `/api/health answered ${health.status}`);
    console.log('  /api/health: 200');

    const index = await rawGet(`${url}/`, 'br, gzip');
    must(index.status === 200, `/ answered ${index.status}`);
    must(index.encoding === 'br', `/ was sent with content-encoding ${index.encoding ?? 'none'}`);
    must(
      brotliDecompressSync(index.body).toString().includes('<div id="root">'),
      '/ is not the web app',
    );
    console.log(`  /: the web app's index, brotli, ${index.body.length} bytes`);

    const signIn = await fetch(`${url}/api${api.signIn.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    must(signIn.status === 200, `the demo admin could not sign in (${signIn.status})`);
    console.log('  demo admin signs in: 200');

    process.kill(-hub.pid!, 'SIGINT');
    const ending = await Promise.race([
      exited,
      new Promise<string>((resolve) => setTimeout(() => resolve('no exit within 30 s'), 30_000)),
    ]);
    // npm itself ends by the signal it passed on; the hub's own ending is the line it prints.
    must(['exit code 0', 'SIGINT'].includes(ending), `npm start ended with ${ending} on Ctrl+C`);
    must(/ClassHub stopped; all data is saved/.test(output), 'no "stopped" line on Ctrl+C');
    console.log('  Ctrl+C: stopped, data saved');
  } catch (error) {
    console.error(output);
    throw error;
  } finally {
    if (hub.exitCode === null && hub.signalCode === null) process.kill(-hub.pid!, 'SIGKILL');
  }
}

/** fetch() would decompress; this shows what went over the wire. */
async function rawGet(
  url: string,
  acceptEncoding: string,
): Promise<{ status: number; encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'],
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

main().catch((error: unknown) => {
  console.error(
    `production install check failed: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
});
