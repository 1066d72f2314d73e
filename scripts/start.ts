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
if (scripts['build:renderer'] && !existsSync('dist-renderer/index.html')) {
  console.log('Building the web app (first start only)…');
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

const stop = async (code: number) => {
  await hub.close();
  process.exit(code);
};
process.once('SIGINT', () => void stop(0));
process.once('SIGTERM', () => void stop(0));

const serveBrowser = (why: WindowUnavailable) => console.log(browserFallbackMessage(hub.url, why));
const electron = electronBinary();
if (!electron) {
  serveBrowser({ reason: 'no-binary' });
} else {
  if (scripts['build:main']) execSync('npm run build:main', { stdio: 'inherit' });
  const startedAt = Date.now();
  const window = spawn(electron, ['.'], {
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
 * it at install). Where the download is impossible — no network — the hub
 * still runs and the browser is the window.
 */
function electronBinary(): string | undefined {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const found = locateElectronBinary(packageDir);
  if (found) return found;
  console.log('Fetching the Electron binary (first start only)…');
  const download = spawnSync(process.execPath, [join(packageDir, 'install.js')], {
    stdio: 'pipe',
    timeout: 180_000,
  });
  if (download.status !== 0) console.log('  could not download Electron.');
  return locateElectronBinary(packageDir);
}
