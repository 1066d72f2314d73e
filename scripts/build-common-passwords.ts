/**
 * Regenerates resources/app/common-passwords.txt, the list the hub checks new
 * passwords against (src-shared/password-policy.ts, rule "common").
 *
 *   npm run build:common-passwords
 *
 * Source: the frequency-ordered `passwords` dictionary of the npm package
 * @zxcvbn-ts/language-common (MIT), fetched with `npm pack` into a temporary
 * folder: it is never a dependency of the app. The version and the tarball's
 * integrity are pinned below, so the output only changes when they do.
 * Provenance and licence: resources/app/README.md.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const PACKAGE = '@zxcvbn-ts/language-common';
const VERSION = '4.1.3';
const INTEGRITY =
  'sha512-g2bg4skmlJG9aJqC/nWziZzgYpSe/f3rKeGobrkdFiOrfZVFqqzUgC6BUQWuX54Sua9j0Jxxt+1bf4f/Mal1Kg==';
const DICTIONARY_PATH = 'package/src/passwords.json';
const LIST_SIZE = 20_000;
/** Shorter passwords fail the length rule anyway (and a 3-letter list entry would only add noise). */
const MIN_LENGTH = 4;

const root = path.resolve(import.meta.dirname, '..');
const outputFile = path.join(root, 'resources/app/common-passwords.txt');

/** Lowercase, trimmed, at least MIN_LENGTH long, first occurrence kept: frequency order survives. */
function toCommonPasswordList(entries: readonly string[], limit: number): string[] {
  const seen = new Set<string>();
  for (const entry of entries) {
    const password = entry.trim().toLowerCase();
    if (password.length < MIN_LENGTH || seen.has(password)) continue;
    seen.add(password);
    if (seen.size === limit) break;
  }
  return [...seen];
}

function downloadTarball(folder: string): Buffer {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const output = execFileSync(
    npm,
    ['pack', `${PACKAGE}@${VERSION}`, '--json', '--pack-destination', folder],
    {
      encoding: 'utf8',
      shell: process.platform === 'win32',
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const [packed] = JSON.parse(output) as { filename: string }[];
  if (!packed) throw new Error('npm pack reported no file');
  const tarball = readFileSync(path.join(folder, packed.filename));
  const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
  if (integrity !== INTEGRITY) {
    throw new Error(`${PACKAGE}@${VERSION} has integrity ${integrity}, expected ${INTEGRITY}`);
  }
  return tarball;
}

/** One file out of a .tgz. npm tarballs are plain ustar, so reading headers is enough. */
function readFromTarball(tgz: Buffer, wanted: string): Buffer {
  const tar = gunzipSync(tgz);
  for (let offset = 0; offset + 512 <= tar.length;) {
    const header = tar.subarray(offset, offset + 512);
    const field = (start: number, length: number) =>
      header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const name = field(0, 100);
    if (name === '') break;
    const prefix = field(345, 155);
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const fullName = prefix ? `${prefix}/${name}` : name;
    if (fullName === wanted) return tar.subarray(offset + 512, offset + 512 + size);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${wanted} not found in ${PACKAGE}@${VERSION}`);
}

function main(): void {
  const folder = mkdtempSync(path.join(tmpdir(), 'classhub-passwords-'));
  try {
    const dictionary: unknown = JSON.parse(
      readFromTarball(downloadTarball(folder), DICTIONARY_PATH).toString('utf8'),
    );
    if (!Array.isArray(dictionary) || !dictionary.every((entry) => typeof entry === 'string')) {
      throw new Error(`${DICTIONARY_PATH} is not a list of strings`);
    }
    const list = toCommonPasswordList(dictionary, LIST_SIZE);
    const text = `${list.join('\n')}\n`;
    writeFileSync(outputFile, text);
    const sha256 = createHash('sha256').update(text).digest('hex');
    console.log(
      `${path.relative(root, outputFile)}: ${list.length} passwords from ${PACKAGE}@${VERSION} (${dictionary.length} entries); sha256 ${sha256}`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
