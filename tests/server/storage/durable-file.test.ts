import { open, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  removeLeftoverTempFiles,
  writeFileDurably,
} from '../../../src-server/storage/durable-file';
import { makeTempDir, type TempDir } from './helpers';

describe('writeFileDurably', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('creates the file with the given content and leaves no temp file behind', async () => {
    const file = join(dir.path, 'users.json');
    await writeFileDurably(file, '{"a":1}');

    expect(await readFile(file, 'utf8')).toBe('{"a":1}');
    expect(await readdir(dir.path)).toEqual(['users.json']);
  });

  it('replaces the file as a whole, so a reader holding the old file still sees the old content complete', async () => {
    const file = join(dir.path, 'users.json');
    await writeFileDurably(file, 'old content');
    const before = await stat(file);
    const oldReader = await open(file, 'r');
    try {
      await writeFileDurably(file, new TextEncoder().encode('new content, longer than before'));

      expect((await oldReader.readFile()).toString('utf8')).toBe('old content');
      expect(await readFile(file, 'utf8')).toBe('new content, longer than before');
      expect((await stat(file)).ino).not.toBe(before.ino);
    } finally {
      await oldReader.close();
    }
  });

  it('gives each of several concurrent writes its own temp file, so the result is one of the written versions', async () => {
    const file = join(dir.path, 'users.json');
    const versions = Array.from({ length: 20 }, (_, i) =>
      JSON.stringify({ version: i, padding: 'x'.repeat(1000 * i) }),
    );
    await Promise.all(versions.map((version) => writeFileDurably(file, version)));

    expect(versions).toContain(await readFile(file, 'utf8'));
    expect(await readdir(dir.path)).toEqual(['users.json']);
  });

  it('rejects when the directory does not exist', async () => {
    await expect(
      writeFileDurably(join(dir.path, 'missing', 'users.json'), 'x'),
    ).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('removeLeftoverTempFiles', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('removes only the temp files of its own target and returns their names', async () => {
    const names = [
      'users.json',
      'users.json.123-1.tmp',
      'users.json.99-7.tmp',
      'users.json.bak',
      'sessions.json.123-2.tmp',
    ];
    for (const name of names) await writeFile(join(dir.path, name), 'x');

    const removed = await removeLeftoverTempFiles(dir.path, join(dir.path, 'users.json'));

    expect(removed.sort()).toEqual(['users.json.123-1.tmp', 'users.json.99-7.tmp']);
    expect((await readdir(dir.path)).sort()).toEqual([
      'sessions.json.123-2.tmp',
      'users.json',
      'users.json.bak',
    ]);
  });

  it('removes the debris that an interrupted writeFileDurably would leave', async () => {
    const file = join(dir.path, 'users.json');
    await writeFileDurably(file, 'acknowledged');
    // What a kill -9 between "write temp" and "rename" leaves: the name writeFileDurably would have used.
    await writeFile(`${file}.${process.pid}-999999.tmp`, 'half writ');

    expect(await removeLeftoverTempFiles(dir.path, file)).toHaveLength(1);
    expect(await readdir(dir.path)).toEqual(['users.json']);
    expect(await readFile(file, 'utf8')).toBe('acknowledged');
  });

  it('returns an empty list when there is nothing to remove', async () => {
    expect(await removeLeftoverTempFiles(dir.path, join(dir.path, 'users.json'))).toEqual([]);
  });
});
