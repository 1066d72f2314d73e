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
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const outdir = path.join(root, 'dist-main');

const keepSourceLocation: Plugin = {
  name: 'keep-source-location',
  setup(builder) {
    builder.onLoad({ filter: /[/\\]src-server[/\\].*\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      // main.js sits in dist-main/, one level below the app root.
      const fromBundle = `../${path.relative(root, args.path).split(path.sep).join('/')}`;
      const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
      return {
        contents: source.replaceAll('import.meta.url', url),
        loader: 'ts',
        resolveDir: path.dirname(args.path),
      };
    });
  },
};

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
    plugins: [keepSourceLocation],
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
