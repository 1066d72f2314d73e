import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'esbuild';

/**
 * src-server finds files next to its own source with
 * `new URL('…', import.meta.url)`: the common-password list, its bcrypt
 * worker, dist-renderer and package.json. Bundled, import.meta.url would be
 * the bundle's URL and those paths would miss, so this plugin gives each
 * module matching `filter` back the URL of its source file, seen from
 * `outdir` (where the bundle and all its chunks are written). A bundle then
 * finds the same files as the sources do, and a production copy ships those
 * few files beside the bundle (scripts/hub-files.ts, electron-builder.yml).
 */
export function keepSourceLocation(outdir: string, filter: RegExp): Plugin {
  return {
    name: 'keep-source-location',
    setup(builder) {
      builder.onLoad({ filter }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
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
