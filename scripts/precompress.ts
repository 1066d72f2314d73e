import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Build-time compression of the web app (vite.config.ts runs it after
 * `vite build`): next to each text file, a .br (brotli, best quality) and a
 * .gz (gzip level 9) that the hub sends as they are
 * (src-server/http/static.ts). Done once per build at the highest levels,
 * where compressing per request would cost the teacher's laptop CPU at every
 * page load.
 */
const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.webmanifest',
  '.ico',
]);
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface CompressedFile {
  readonly file: string;
  readonly bytes: number;
  readonly brotli: number;
  readonly gzip: number;
}

export async function precompress(dir: string): Promise<CompressedFile[]> {
  const results: CompressedFile[] = [];
  for (const file of await filesUnder(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const content = await readFile(file);
    if (content.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzipAsync(content, { level: 9 }),
    ]);
    await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
    results.push({
      file: relative(dir, file),
      bytes: content.length,
      brotli: br.length,
      gzip: gz.length,
    });
  }
  return results;
}

/**
 * Moves the source maps out of the served folder into `mapsDir`, keeping
 * their relative paths: kept for reading a production stack trace, never
 * served to a browser (with `sourcemap: 'hidden'` the bundles do not point
 * at them either).
 */
export async function moveSourceMaps(dir: string, mapsDir: string): Promise<number> {
  let moved = 0;
  for (const file of await filesUnder(dir)) {
    if (!file.endsWith('.map')) continue;
    const target = join(mapsDir, relative(dir, file));
    await mkdir(dirname(target), { recursive: true });
    await rename(file, target);
    moved += 1;
  }
  return moved;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}
