// @ts-check
/**
 * `npm start` and `npm run hub`: run the BUILT hub (dist-hub/) in production
 * mode. Plain JavaScript on purpose: after `npm ci --omit=dev` there is no
 * tsx, no esbuild and no vite, and this file must still start the hub.
 *
 * Where the build tools are installed (a development clone), it builds first
 * when a bundle is missing or older than its sources, so `npm start` after a
 * `git pull` never runs yesterday's hub. Where they are not, it runs what is
 * built and says so if that may be stale.
 *
 * Usage: node scripts/launch.mjs <hub|start> [hub options]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** What each target runs, and the sources whose change means "build again". */
export const TARGETS = {
  hub: { entry: 'dist-hub/cli.js' },
  start: { entry: 'dist-hub/start.js' },
};
export const HUB_BUILD = {
  output: 'dist-hub/cli.js',
  sources: ['src-server', 'src-shared', 'scripts'],
  script: 'build:hub',
  tools: ['esbuild', 'tsx'],
};
export const RENDERER_BUILD = {
  output: 'dist-renderer/index.html',
  sources: ['src-renderer', 'src-shared', 'vite.config.ts'],
  script: 'build:renderer',
  tools: ['vite'],
};

/**
 * The newest modification time (ms) of the files under these paths; 0 when
 * none exists (a production copy ships no sources).
 * @param {string} root
 * @param {readonly string[]} paths
 */
export function newestChange(root, paths) {
  let newest = 0;
  /** @param {string} path */
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (!stats.isDirectory()) {
      newest = Math.max(newest, stats.mtimeMs);
      return;
    }
    for (const name of readdirSync(path)) visit(join(path, name));
  };
  for (const path of paths) visit(join(root, path));
  return newest;
}

/**
 * Whether a build's output is missing or older than its sources.
 * @param {string} root
 * @param {{ output: string, sources: readonly string[] }} build
 * @returns {'missing' | 'stale' | 'fresh'}
 */
export function buildState(root, build) {
  const output = join(root, build.output);
  if (!existsSync(output)) return 'missing';
  return newestChange(root, build.sources) > statSync(output).mtimeMs ? 'stale' : 'fresh';
}

/**
 * Whether these packages can be loaded (not after `npm ci --omit=dev`).
 * @param {string} root
 * @param {readonly string[]} packages
 */
export function toolsInstalled(root, packages) {
  const require = createRequire(join(root, 'package.json'));
  return packages.every((name) => {
    try {
      require.resolve(`${name}/package.json`);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Builds when needed and possible. Returns false when the output is missing
 * and cannot be built.
 * @param {typeof HUB_BUILD} build
 */
function ensureBuilt(build) {
  const state = buildState(ROOT, build);
  if (state === 'fresh') return true;
  if (!toolsInstalled(ROOT, build.tools)) {
    if (state === 'stale') {
      console.log(
        `Note: ${build.output} is older than its sources, and the build tools are not installed (npm ci --omit=dev); running it as built.`,
      );
    }
    return state === 'stale';
  }
  console.log(
    state === 'missing'
      ? `Building ${build.output} (not built yet)…`
      : `Building ${build.output} (sources changed since the last build)…`,
  );
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['run', '--silent', build.script], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (run.status !== 0) {
    console.error(`npm run ${build.script} failed; fix the error above and start again.`);
    process.exit(run.status ?? 1);
  }
  return true;
}

async function main() {
  const name = process.argv[2];
  if (name !== 'hub' && name !== 'start') {
    console.error('Usage: node scripts/launch.mjs <hub|start> [options]');
    process.exit(2);
  }
  if (!ensureBuilt(HUB_BUILD)) {
    console.error(
      'The hub is not built, and the build tools are not installed (npm ci --omit=dev).\n' +
        'Build it where they are (`npm ci && npm run build`) and copy dist-hub/ and dist-renderer/ here.',
    );
    process.exit(1);
  }
  if (!ensureBuilt(RENDERER_BUILD)) {
    console.log('The web app is not built here: the hub serves its API only, and / says so.');
  }
  // Production mode: no response-schema checks (src-server/http/response-checks.ts).
  process.env.NODE_ENV = 'production';
  // The bundle reads its options from process.argv.slice(2), as the sources do.
  process.argv.splice(2, 1);
  await import(pathToFileURL(join(ROOT, TARGETS[name].entry)).href);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
