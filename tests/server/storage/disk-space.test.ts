import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiskSpace, RESERVE_FILE } from '../../../src-server/storage/disk-space';
import { StorageFullError } from '../../../src-server/storage/errors';
import { ioError } from '../../../src-server/storage/file-system';
import { FaultyFileSystem } from '../../support/faulty-file-system';
import { captureLogger, makeTempDir, type TempDir } from './helpers';

const RESERVE = 64 * 1024;

describe('DiskSpace', () => {
  let dir: TempDir;
  let faults: FaultyFileSystem;
  const opened: DiskSpace[] = [];
  const open = async (logger = captureLogger()) => {
    const space = await DiskSpace.open(dir.path, logger.logger, {
      reserveBytes: RESERVE,
      fileSystem: faults,
    });
    opened.push(space);
    await space.whenReserved();
    return { space, logger };
  };
  const reserveSize = () =>
    stat(join(dir.path, RESERVE_FILE)).then(
      (s) => s.size,
      () => undefined,
    );

  beforeEach(async () => {
    dir = await makeTempDir();
    faults = new FaultyFileSystem();
  });
  afterEach(async () => {
    for (const space of opened.splice(0)) await space.close();
    await dir.remove();
  });

  it('keeps a reserved-space file in the data folder and accepts writes while there is room', async () => {
    const { space } = await open();

    expect(await reserveSize()).toBe(RESERVE);
    expect(space.isFull).toBe(false);
    await expect(space.assertRoom()).resolves.toBeUndefined();
  });

  it('on a full disk releases the reserve and refuses bulk writes, then takes them again once space is freed', async () => {
    const { space, logger } = await open();
    faults.limitSpace(0);

    await space.noteWriteFailure(ioError('ENOSPC', 'write', 'no space left on device'));

    expect(space.isFull).toBe(true);
    expect(await reserveSize()).toBeUndefined();
    expect(await faults.freeBytes(dir.path)).toBe(RESERVE); // what the reserve gave back
    await expect(space.assertRoom()).rejects.toBeInstanceOf(StorageFullError);
    expect(logger.warnings().map((line) => line.msg)).toEqual([
      expect.stringContaining('the disk holding the data folder is full'),
    ]);

    faults.freeSpace();
    await space.assertRoom();

    expect(space.isFull).toBe(false);
    expect(await reserveSize()).toBe(RESERVE);
  });

  it('ignores failures that are not a full disk', async () => {
    const { space } = await open();
    await space.noteWriteFailure(ioError('EIO', 'write', 'i/o error'));
    expect(space.isFull).toBe(false);
    expect(await reserveSize()).toBe(RESERVE);
  });

  it('starts on a disk that is already full, without the reserve, refusing bulk writes', async () => {
    faults.limitSpace(RESERVE / 2);
    const { space, logger } = await open();

    expect(space.isFull).toBe(true);
    expect(await readdir(dir.path)).toEqual([]);
    await expect(space.assertRoom()).rejects.toBeInstanceOf(StorageFullError);
    expect(logger.warnings()).toHaveLength(1);
  });

  it('releases the reserve at start when it exists but the disk around it is full', async () => {
    await (await open()).space.close();
    faults.limitSpace(10);

    const { space } = await open();

    expect(space.isFull).toBe(true);
    expect(await reserveSize()).toBeUndefined();
  });
});
