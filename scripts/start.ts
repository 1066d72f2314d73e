import { execSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { helpText, readCli } from '../src-server/cli-args';
import { createHub } from '../src-server/hub';
import { DEMO_PASSWORD } from '../src-server/seed/demo-world';
import { seedDemoWorld } from '../src-server/seed/seed';
import {
  afterWindowExit,
  browserFallbackMessage,
  locateElectronBinary,
  type WindowUnavailable,
} from './desktop-launch';
import {
  DOWNLOAD_MARKER,
  downloadFailureReason,
  freshFailureDetail,
  readDownloadFailure,
  rememberDownloadFailure,
  rememberedFailureDetail,
} from './electron-download';

/**
 * `npm start`: ClassHub on this computer. The first time, it fills the data
 * folder with the demo world and builds the web app; then it runs the hub and
 * opens the desktop window on it where Electron can start. Where it cannot
 * (no binary, no display), it says so plainly and the hub serves the same
 * app to the browser.
 */
const request = readCli(process.argv.slice(2), process.env);
if (request.help) {
  console.log(helpText('npm start --'));
  process.exit(0);
}
const dataDir = resolve(String(request.options.dataDir ?? './hub-data'));
const scripts = (
  JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
).scripts;

if (!existsSync(join(dataDir, 'db', 'users.json'))) {
  console.log(`First start: seeding demo data into ${dataDir}`);
  await seedDemoWorld(dataDir);
}
// The built start (scripts/launch.mjs) has built it already, or has no tools to build it with.
const development = process.env.NODE_ENV !== 'production';
if (development && scripts['build:renderer'] && !existsSync('dist-renderer/index.html')) {
  console.log('Building the web app (it is not built yet)…');
  execSync('npm run build:renderer', { stdio: 'inherit' });
}

const hub = await createHub({
  ...request.options,
  dataDir,
  logLevel: request.options.logLevel ?? 'warn',
});
console.log(`\nClassHub is running at ${hub.url}`);
for (const lan of hub.lanUrls) console.log(`  students on the network: ${lan}`);
console.log(
  `  demo accounts: admin, prof_davis, emma1 … — password ${DEMO_PASSWORD}\n  stop with Ctrl+C`,
);

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping: finishing pending writes…');
  await hub.close();
  console.log(`ClassHub stopped; all data is saved in ${dataDir}.`);
  process.exit(code);
};
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

const serveBrowser = (why: WindowUnavailable) => console.log(browserFallbackMessage(hub.url, why));
const electron = electronBinary();
if ('unavailable' in electron) {
  serveBrowser(electron.unavailable);
} else {
  if (scripts['build:main']) execSync('npm run build:main', { stdio: 'inherit' });
  const startedAt = Date.now();
  const window = spawn(electron.binary, ['.'], {
    stdio: 'inherit',
    env: { ...process.env, CLASSHUB_HUB_URL: hub.url },
  });
  window.once('error', (error) => serveBrowser({ reason: 'spawn-failed', message: error.message }));
  window.once('exit', (code, signal) => {
    const next = afterWindowExit(code, signal, Date.now() - startedAt);
    if (next.action === 'stop-hub') void stop(0);
    else serveBrowser(next.why);
  });
}

/**
 * The Electron binary, downloaded on first use (electron ≥ 42 no longer does
 * it at install). A failed download is remembered (scripts/electron-download.ts):
 * explained once, then skipped with a one-line reason until the marker is
 * deleted or `npm ci` brings a fresh install. The hub runs either way and the
 * browser is the window.
 */
function electronBinary(): { binary: string } | { unavailable: WindowUnavailable } {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { unavailable: { reason: 'not-installed' } };
  }
  const found = locateElectronBinary(packageDir);
  if (found) return { binary: found };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    const detail = 'ELECTRON_SKIP_BINARY_DOWNLOAD is set, so it is not downloaded';
    return { unavailable: { reason: 'no-binary', detail } };
  }
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const remembered = readDownloadFailure(DOWNLOAD_MARKER, version);
  if (remembered) {
    const detail = rememberedFailureDetail(remembered, DOWNLOAD_MARKER);
    return { unavailable: { reason: 'no-binary', detail } };
  }
  console.log(`Downloading Electron ${version} for the desktop window (once per install)…`);
  const download = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    stdio: 'pipe',
    encoding: 'utf8',
    timeout: 180_000,
  });
  const binary = locateElectronBinary(packageDir);
  if (binary) return { binary };
  const timedOut = download.error !== undefined && download.signal !== null;
  const reason = downloadFailureReason(
    `${download.stderr ?? ''}\n${download.stdout ?? ''}`,
    process.versions.node,
    timedOut,
  );
  rememberDownloadFailure(DOWNLOAD_MARKER, {
    electronVersion: version,
    failedAt: new Date().toISOString(),
    reason,
  });
  return {
    unavailable: { reason: 'no-binary', detail: freshFailureDetail(reason, DOWNLOAD_MARKER) },
  };
}
