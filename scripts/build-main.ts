/**
 * Bundles the Electron main process and its preload into dist-main/.
 *
 * - main.js: ESM (package.json has "type": "module"). npm packages stay
 *   external and are loaded from node_modules, which electron-builder ships
 *   with the production dependencies; our own src-* code is bundled.
 * - preload.cjs: CommonJS, because a sandboxed preload cannot load ES
 *   modules and may only require('electron'). Built for the browser platform
 *   so that importing a Node module by mistake fails the build, not the app.
 *
 * esbuild comes with vite and tsx; it is not a dependency of the app.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist-main');

const common: BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: true,
  external: ['electron'],
  logLevel: 'info',
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
