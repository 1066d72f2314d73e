/**
 * Bundles the Electron main process and its preload into dist-main/.
 *
 * - main.js: ESM (package.json has "type": "module"). npm packages stay
 *   external and are loaded from node_modules, which electron-builder ships
 *   with the production dependencies; our own src-* code is bundled,
 *   including src-server for host mode.
 * - preload.cjs: CommonJS, because a sandboxed preload cannot load ES
 *   modules and may only require('electron'). Built for the browser platform
 *   so that importing a Node module by mistake fails the build, not the app.
 *
 * src-server finds its files relative to its own source (`new URL(
 * '../../../resources/app/common-passwords.txt', import.meta.url)`, its
 * bcrypt worker, dist-renderer, package.json). Bundled, import.meta.url
 * would be dist-main/main.js and those paths would miss, so
 * `keepSourceLocation` gives each src-server module back the URL of its
 * source file under the app root. The package then holds the few files
 * they name (electron-builder.yml `files`).
 *
 * esbuild comes with vite and tsx; it is not a dependency of the app.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';
import { keepSourceLocation } from './keep-source-location';

const root = path.resolve(import.meta.dirname, '..');

export interface BuildMainOptions {
  /** Where main.js and preload.cjs go; emptied first. Default: dist-main/ of the app. */
  outdir?: string;
  /** esbuild's log level: the command line shows what it built, tests stay quiet. */
  logLevel?: BuildOptions['logLevel'];
}

/** Bundles main.js (ESM, node) and preload.cjs (CommonJS, browser) into `outdir`. */
export async function buildMain(options: BuildMainOptions = {}): Promise<{ outdir: string }> {
  const outdir = options.outdir ?? path.join(root, 'dist-main');
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    sourcemap: true,
    external: ['electron'],
    logLevel: options.logLevel ?? 'info',
    legalComments: 'none',
  };
  await rm(outdir, { recursive: true, force: true });
  await Promise.all([
    build({
      ...common,
      entryPoints: ['src-main/main.ts'],
      outfile: path.join(outdir, 'main.js'),
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      // Measured from where main.js is written: dist-main/ in the app, a temp folder in tests.
      plugins: [keepSourceLocation(outdir, /[/\\]src-server[/\\].*\.ts$/)],
    }),
    build({
      ...common,
      entryPoints: ['src-main/preload.ts'],
      outfile: path.join(outdir, 'preload.cjs'),
      platform: 'browser',
      format: 'cjs',
      target: 'chrome140',
    }),
  ]);
  return { outdir };
}

// `npm run build:main` runs this file; tests import buildMain instead.
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await buildMain();
}
