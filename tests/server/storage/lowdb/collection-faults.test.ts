import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LowdbCollection,
  type CollectionOptions,
} from '../../../../src-server/storage/lowdb/collection';
import { FaultyFileSystem } from '../../../support/faulty-file-system';
import { captureLogger, makeTempDir, silentLogger, type TempDir } from '../helpers';
import { recordsOnDisk } from './disk';

interface Seat {
  readonly id: string;
  readonly holder: string;
  readonly row: string;
}

const seat = (id: string, holder: string, row = 'a'): Seat => ({ id, holder, row });

/**
 * Issue 12: a failed commit leaves memory as it was — the callers get the
 * error, the change is not visible and no later commit writes it — and the
 * collection works again once the disk does. Faults are injected under the
 * storage code through the file-system port.
 */
describe('LowdbCollection on a failing disk', () => {
  let dir: TempDir;
  let faults: FaultyFileSystem;
  beforeEach(async () => {
    dir = await makeTempDir();
    faults = new FaultyFileSystem();
  });
  afterEach(() => dir.remove());

  const options = (
    compaction?: CollectionOptions<Seat>['compaction'],
  ): CollectionOptions<Seat> => ({
    name: 'seats',
    unique: { holder: (s) => s.holder },
    indexes: { row: (s) => s.row },
    fileSystem: faults,
    ...(compaction ? { compaction } : {}),
  });
  const open = (logger = silentLogger, compaction?: CollectionOptions<Seat>['compaction']) =>
    LowdbCollection.open<Seat>(dir.path, options(compaction), logger);
  /** What a restart sees, through a healthy disk. */
  const afterRestart = async () => {
    const reopened = await LowdbCollection.open<Seat>(
      dir.path,
      { ...options(), fileSystem: undefined },
      silentLogger,
    );
    const seen = [...reopened.values()];
    await reopened.close();
    return seen;
  };

  it('on a full disk answers the caller with the error, keeps memory as it was, and works once space is free', async () => {
    const reported: unknown[] = [];
    const seats = await LowdbCollection.open<Seat>(
      dir.path,
      { ...options(), onWriteFailure: (error) => reported.push(error) },
      silentLogger,
    );
    await seats.insert(seat('s1', 'ann'));
    faults.limitSpace(10); // the next append is torn after 10 bytes, then ENOSPC

    await expect(seats.insert(seat('s2', 'bob'))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(seats.get('s2')).toBeUndefined();
    expect(seats.getByUnique('holder', 'bob')).toBeUndefined();
    expect(seats.listByIndex('row', 'a').map((s) => s.id)).toEqual(['s1']);
    expect(seats.size).toBe(1);
    expect(reported).toEqual([expect.objectContaining({ code: 'ENOSPC' })]);

    faults.freeSpace();
    await seats.insert(seat('s3', 'bob')); // the key the failed insert held is free again
    expect([...(await recordsOnDisk(dir.path, 'seats')).keys()]).toEqual(['s1', 's3']);
    await seats.close();
    expect(await afterRestart()).toEqual([seat('s1', 'ann'), seat('s3', 'bob')]);
  });

  it('undoes a failed update and delete, restoring the old record and its keys', async () => {
    const seats = await open();
    await seats.insert(seat('s1', 'ann'));
    await seats.insert(seat('s2', 'bob'));

    faults.failNext('datasync', { code: 'EIO' });
    await expect(
      seats.update('s1', (s) => ({ ...s, holder: 'cat', row: 'b' })),
    ).rejects.toMatchObject({ code: 'EIO' });
    expect(seats.get('s1')).toEqual(seat('s1', 'ann'));
    expect(seats.getByUnique('holder', 'ann')?.id).toBe('s1');
    expect(seats.getByUnique('holder', 'cat')).toBeUndefined();
    expect(seats.listByIndex('row', 'b')).toEqual([]);

    faults.failNext('write', { code: 'ENOSPC' });
    await expect(seats.delete('s2')).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(seats.get('s2')).toEqual(seat('s2', 'bob'));
    expect(seats.getByUnique('holder', 'bob')?.id).toBe('s2');

    // Later commits write only their own change: the failed ones never reach the disk.
    await seats.insert(seat('s4', 'dan'));
    await seats.close();
    expect(await afterRestart()).toEqual([seat('s1', 'ann'), seat('s2', 'bob'), seat('s4', 'dan')]);
  });

  it('fails the changes queued behind a failed commit too, since they may build on it', async () => {
    const seats = await open();
    faults.failNext('datasync');

    const first = seats.insert(seat('s1', 'ann'));
    await new Promise<void>((resolve) => setImmediate(resolve)); // the first commit is running
    const behind = seats.update('s1', (s) => ({ ...s, row: 'z' }));
    const unrelated = seats.insert(seat('s2', 'bob'));

    const results = await Promise.allSettled([first, behind, unrelated]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(seats.size).toBe(0);
    expect(seats.getByUnique('holder', 'ann')).toBeUndefined();

    await seats.insert(seat('s5', 'eve'));
    await seats.close();
    expect(await afterRestart()).toEqual([seat('s5', 'eve')]);
  });

  it('survives short writes: every byte is written, and the record reads back', async () => {
    faults.shortWrites(7);
    const seats = await open();
    await seats.insert(seat('s1', 'ann'));
    await seats.update('s1', (s) => ({ ...s, row: 'q' }));
    await seats.close();
    expect(await afterRestart()).toEqual([seat('s1', 'ann', 'q')]);
  });

  it('recovers when the torn bytes of a failed append cannot be cut at once', async () => {
    const seats = await open();
    await seats.insert(seat('s1', 'ann'));
    faults.limitSpace(12).failNext('truncate');

    await expect(seats.insert(seat('s2', 'bob'))).rejects.toMatchObject({ code: 'ENOSPC' });
    faults.reset();
    await seats.insert(seat('s3', 'cat'));
    await seats.close();
    expect(await afterRestart()).toEqual([seat('s1', 'ann'), seat('s3', 'cat')]);
  });

  it('keeps every change when a compaction fails, and logs it', async () => {
    const captured = captureLogger();
    const seats = await open(captured.logger, { minJournalBytes: 200, journalToSnapshot: 1 });
    faults.failNext('rename', { path: 'seats.json', times: 3 });
    for (let i = 0; i < 12; i++) await seats.insert(seat(`s${i}`, `p${i}`));
    await seats.flush();

    expect(captured.lines).toContainEqual(
      expect.objectContaining({ level: 50, msg: expect.stringContaining('compacting') }),
    );
    await seats.close();
    expect((await afterRestart()).map((s) => s.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => `s${i}`),
    );
  });
});
