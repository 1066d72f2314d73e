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
import { pathToFileURL } from 'node:url';
import { build, type BuildOptions, type Plugin } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/** Rewrites `import.meta.url` in src-server modules to their source file, seen from `outdir`. */
function keepSourceLocation(outdir: string): Plugin {
  return {
    name: 'keep-source-location',
    setup(builder) {
      builder.onLoad({ filter: /[/\\]src-server[/\\].*\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        // Relative to where main.js is written: dist-main/ in the app, a temp folder in tests.
        const fromBundle = path.relative(outdir, args.path).split(path.sep).join('/');
        const url = `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`;
        return {
          contents: source.replaceAll('import.meta.url', url),
          loader: 'ts',
          resolveDir: path.dirname(args.path),
        };
      });
    },
  };
}

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
      plugins: [keepSourceLocation(outdir)],
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
