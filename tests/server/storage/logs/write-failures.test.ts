import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SegmentedLog, type LogRecord } from '../../../../src-server/storage/logs/segmented-log';
import { FaultyFileSystem } from '../../../support/faulty-file-system';
import { captureLogger, makeTempDir, silentLogger, type TempDir } from '../helpers';

interface Message {
  readonly text: string;
}

/**
 * A write that fails (full disk, failing fsync, a short write) must fail as a
 * whole: the file is cut back to its last good byte, memory is as before, the
 * failed records never appear later, and every acknowledged record survives.
 */
describe('SegmentedLog when writes fail', () => {
  let dir: TempDir;
  let logDir: string;
  let faults: FaultyFileSystem;
  const opened: SegmentedLog<Message>[] = [];
  const openLog = async (options: { segmentBytes?: number; healthy?: boolean } = {}) => {
    const log = await SegmentedLog.open<Message>(logDir, silentLogger, {
      ...(options.segmentBytes ? { segmentBytes: options.segmentBytes } : {}),
      ...(options.healthy ? {} : { fileSystem: faults }),
    });
    opened.push(log);
    return log;
  };
  const texts = (records: LogRecord<Message>[]) => records.map((record) => record.data.text);
  const segmentPaths = async () =>
    (await readdir(logDir))
      .filter((name) => name.endsWith('.jsonl'))
      .sort()
      .map((name) => join(logDir, name));
  const lastSegmentSize = async () => (await stat((await segmentPaths()).at(-1)!)).size;

  beforeEach(async () => {
    dir = await makeTempDir();
    logDir = join(dir.path, 'chat');
    faults = new FaultyFileSystem();
  });
  afterEach(async () => {
    for (const log of opened.splice(0)) await log.close().catch(() => undefined);
    await dir.remove();
  });

  it('stores every byte when the file system writes a few bytes at a time', async () => {
    const log = await openLog();
    faults.shortWrites(5);
    const appended = await Promise.all(
      ['one', 'two', 'three'].map((text) => log.append('room:a', { text })),
    );
    await log.close();

    const reopened = await openLog({ healthy: true });
    expect(await reopened.readForward('room:a', 0, 10)).toEqual(appended);
  });

  it('rejects an append that met a full disk and cuts the file back to its last whole record', async () => {
    const log = await openLog();
    await log.append('room:a', { text: 'acknowledged' });
    const sizeBefore = await lastSegmentSize();
    faults.limitSpace(10); // part of the next line fits: a short write, then ENOSPC

    await expect(log.append('room:a', { text: 'torn by a full disk' })).rejects.toMatchObject({
      code: 'ENOSPC',
    });

    expect(await lastSegmentSize()).toBe(sizeBefore);
    expect(log.lastStreamSeq('room:a')).toBe(1);
    expect(log.countInStream('room:a')).toBe(1);
    expect(texts(await log.readBackward('room:a', 10))).toEqual(['acknowledged']);
  });

  it('never writes a failed record later: A fails on a full disk, space is freed, B is stored once and survives a restart', async () => {
    const log = await openLog();
    await log.append('room:a', { text: 'before' });
    faults.limitSpace(10);
    await expect(log.append('room:a', { text: 'A' })).rejects.toMatchObject({ code: 'ENOSPC' });
    faults.freeSpace();

    const b = await log.append('room:a', { text: 'B' });
    const c = await log.append('room:a', { text: 'C' });

    expect([b.streamSeq, c.streamSeq]).toEqual([2, 3]);
    expect(texts(await log.readForward('room:a', 0, 10))).toEqual(['before', 'B', 'C']);
    await log.close();
    const captured = captureLogger();
    const reopened = await SegmentedLog.open<Message>(logDir, captured.logger);
    opened.push(reopened);
    expect(texts(await reopened.readForward('room:a', 0, 10))).toEqual(['before', 'B', 'C']);
    expect(captured.warnings()).toEqual([]); // nothing torn was left for recovery to cut
  });

  it('fails every append of a batch together and keeps the numbering free of gaps', async () => {
    const log = await openLog();
    await log.append('room:a', { text: 'first' });
    faults.limitSpace(150);

    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) =>
        log.append(i % 2 ? 'room:b' : 'room:a', { text: `m${i}` }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual(Array(5).fill('rejected'));
    faults.freeSpace();
    const next = await log.append('room:b', { text: 'next' });

    expect([next.seq, next.streamSeq]).toEqual([2, 1]);
    expect(log.countInStream('room:a')).toBe(1);
  });

  it('rejects an append whose fsync fails and leaves no trace of it', async () => {
    const log = await openLog();
    await log.append('room:a', { text: 'kept' });
    const sizeBefore = await lastSegmentSize();
    faults.failNext('datasync');

    await expect(log.append('room:a', { text: 'not durable' })).rejects.toMatchObject({
      code: 'EIO',
    });
    expect(await lastSegmentSize()).toBe(sizeBefore);
    await log.append('room:a', { text: 'after' });
    await log.close();

    const reopened = await openLog({ healthy: true });
    expect(texts(await reopened.readForward('room:a', 0, 10))).toEqual(['kept', 'after']);
  });

  it('cuts a failed write off before the next one when the first cut failed too', async () => {
    const log = await openLog();
    await log.append('room:a', { text: 'kept' });
    faults.failNext('datasync').failNext('truncate');
    await expect(log.append('room:a', { text: 'failed twice over' })).rejects.toThrow();

    await log.append('room:a', { text: 'after' });
    await log.close();

    const content = await readFile((await segmentPaths()).at(-1)!, 'utf8');
    expect(content).not.toContain('failed twice over');
    const reopened = await openLog({ healthy: true });
    expect(texts(await reopened.readForward('room:a', 0, 10))).toEqual(['kept', 'after']);
  });

  it('rejects a batch whose new segment cannot be created, and carries on once it can', async () => {
    const log = await openLog({ segmentBytes: 300 });
    for (let i = 0; i < 3; i++) await log.append('room:a', { text: `m${i}` });
    const segmentsBefore = await segmentPaths();
    faults.failNext('open', { code: 'ENOSPC', path: '.jsonl' });

    await expect(
      Promise.all(Array.from({ length: 3 }, () => log.append('room:a', { text: 'x'.repeat(80) }))),
    ).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(await segmentPaths()).toEqual(segmentsBefore);
    expect(log.lastStreamSeq('room:a')).toBe(3);

    await log.append('room:a', { text: 'y'.repeat(80) });
    await log.close();
    const reopened = await openLog({ segmentBytes: 300, healthy: true });
    expect(texts(await reopened.readForward('room:a', 0, 10))).toEqual([
      'm0',
      'm1',
      'm2',
      'y'.repeat(80),
    ]);
  });
});
