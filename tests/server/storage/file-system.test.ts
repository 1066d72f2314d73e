import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileDurably } from '../../../src-server/storage/durable-file';
import { nodeFileSystem, writeFully } from '../../../src-server/storage/file-system';
import { FaultyFileSystem } from '../../support/faulty-file-system';
import { makeTempDir, type TempDir } from './helpers';

describe('file-system port', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  it('writeFully keeps writing after short writes until every byte is in the file', async () => {
    const faults = new FaultyFileSystem().shortWrites(3);
    const file = join(dir.path, 'short.txt');
    const handle = await faults.open(file, 'w');
    await writeFully(handle, Buffer.from('twenty-six letters a to z'), 0);
    await handle.close();

    expect(await readFile(file, 'utf8')).toBe('twenty-six letters a to z');
    expect(faults.calls.get('write')).toBe(9);
  });

  it('writeFully throws ENOSPC when the disk fills part-way, after the part that fitted', async () => {
    const faults = new FaultyFileSystem().limitSpace(5);
    const file = join(dir.path, 'full.txt');
    const handle = await faults.open(file, 'w');
    await expect(writeFully(handle, Buffer.from('0123456789'), 0)).rejects.toMatchObject({
      code: 'ENOSPC',
    });
    await handle.close();

    expect(await readFile(file, 'utf8')).toBe('01234');
  });

  it('writeFileDurably on a full disk leaves the old file and no temp file', async () => {
    const file = join(dir.path, 'users.json');
    await writeFile(file, 'old');
    const faults = new FaultyFileSystem().limitSpace(4);

    await expect(writeFileDurably(file, 'new and longer', faults)).rejects.toMatchObject({
      code: 'ENOSPC',
    });

    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir.path)).toEqual(['users.json']);
  });

  it('writeFileDurably with a failing fsync leaves the old file and no temp file', async () => {
    const file = join(dir.path, 'users.json');
    await writeFile(file, 'old');
    const faults = new FaultyFileSystem().failNext('sync');

    await expect(writeFileDurably(file, 'new', faults)).rejects.toMatchObject({ code: 'EIO' });

    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(dir.path)).toEqual(['users.json']);
    await writeFileDurably(file, 'new', faults);
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('reports free bytes of the real file system, capped by an injected limit', async () => {
    expect(await nodeFileSystem.freeBytes(dir.path)).toBeGreaterThan(0);
    expect(await new FaultyFileSystem().limitSpace(10).freeBytes(dir.path)).toBe(10);
  });
});
