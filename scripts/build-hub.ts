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
 * hub never serves this folder.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { HUB_BUNDLE_DIR } from './hub-files';
import { keepSourceLocation } from './keep-source-location';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, HUB_BUNDLE_DIR);

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src-server/cli.ts', start: 'scripts/start.ts' },
  outdir,
  bundle: true,
  splitting: true,
  // Every chunk directly in dist-hub/, one level below the root, as keepSourceLocation assumes.
  chunkNames: '[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  sourcemap: true,
  legalComments: 'none',
  logLevel: 'info',
  plugins: [keepSourceLocation(root, /[/\\](src-server|scripts)[/\\].*\.ts$/)],
});
