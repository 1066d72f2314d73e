/**
 * `npm run build:hub`: bundles the hub for production into dist-hub/.
 *
 * - cli.js is `npm run hub`, start.js is `npm start` (demo data + desktop
 *   window); both are ESM for Node, sharing chunks.
 * - npm packages stay external, loaded from node_modules: a production
 *   install is `npm ci --omit=dev` plus the files of scripts/hub-files.ts.
 * - Starting the bundle skips compiling TypeScript at every start (tsx):
 *   about half the start time and a third less memory (bench/hub-start.ts).
 *
 * Source maps go next to the bundles for `node --enable-source-maps`; the
 * hub never serves this folder. Tests that run the hub as its own process
 * build the same bundle into a folder of their own
 * (tests/support/hub-bundle-global-setup.ts).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { HUB_BUNDLE_DIR } from './hub-files';
import { keepSourceLocation } from './keep-source-location';

const root = path.resolve(import.meta.dirname, '..');

export interface BuildHubOptions {
  /**
   * Where cli.js, start.js and their chunks go; emptied first. Default:
   * dist-hub/ of the app. It must lie inside the app, so that the bundle
   * finds node_modules.
   */
  outdir?: string;
  /** esbuild's log level: the command line shows what it built, tests stay quiet. */
  logLevel?: BuildOptions['logLevel'];
}

/** Bundles the hub's two entry points into `outdir`. */
export async function buildHub(options: BuildHubOptions = {}): Promise<{ outdir: string }> {
  const outdir = options.outdir ?? path.join(root, HUB_BUNDLE_DIR);
  await rm(outdir, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'src-server/cli.ts', start: 'scripts/start.ts' },
    outdir,
    bundle: true,
    splitting: true,
    // Every chunk directly in outdir, where keepSourceLocation measures from.
    chunkNames: '[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    packages: 'external',
    sourcemap: true,
    legalComments: 'none',
    logLevel: options.logLevel ?? 'info',
    plugins: [keepSourceLocation(outdir, /[/\\](src-server|scripts)[/\\].*\.ts$/)],
  });
  return { outdir };
}

// `npm run build:hub` runs this file; tests import buildHub instead.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildHub();
}
