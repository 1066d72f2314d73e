import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SegmentedLog } from '../../../../src-server/storage/logs/segmented-log';
import { fillDisk, mountTmpfs, tmpfsUnavailable, type Tmpfs } from '../../../support/tmpfs';
import { captureLogger, silentLogger } from '../helpers';

interface Message {
  readonly text: string;
}

const unavailable = await tmpfsUnavailable();
if (unavailable) console.warn(`skipping the real full-disk log tests: ${unavailable}`);

/** The same promises as write-failures.test.ts, on a real file system that really runs out of space. */
describe.skipIf(unavailable !== undefined)('SegmentedLog on a real full disk (tmpfs)', () => {
  let disk: Tmpfs;
  let logDir: string;
  const opened: SegmentedLog<Message>[] = [];
  const openLog = async (logger = silentLogger) => {
    const log = await SegmentedLog.open<Message>(logDir, logger);
    opened.push(log);
    return log;
  };
  const big = (label: string) => ({ text: `${label} ${'x'.repeat(6000)}` }); // more than a page: never fits in a tail page

  beforeEach(async () => {
    const mounted = await mountTmpfs(2 * 1024 * 1024);
    if (typeof mounted === 'string') throw new Error(mounted);
    disk = mounted;
    logDir = join(disk.path, 'chat');
  });
  afterEach(async () => {
    for (const log of opened.splice(0)) await log.close().catch(() => undefined);
    await disk.unmount();
  });

  it('rejects appends on a full disk without tearing the file, and loses nothing acknowledged once space is back', async () => {
    const log = await openLog();
    await log.append('room:a', big('acknowledged'));
    const [segment] = (await readdir(logDir)).filter((name) => name.endsWith('.jsonl'));
    const path = join(logDir, segment!);
    const sizeBefore = (await stat(path)).size;
    await fillDisk(join(disk.path, 'filler'));

    const failed = await Promise.allSettled([
      log.append('room:a', big('A')),
      log.append('room:b', big('A2')),
    ]);
    expect(failed.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    await expect(log.append('room:a', big('A3'))).rejects.toMatchObject({ code: 'ENOSPC' });

    expect((await stat(path)).size).toBe(sizeBefore);
    expect(log.lastStreamSeq('room:a')).toBe(1);
    expect(log.countInStream('room:b')).toBe(0);

    await rm(join(disk.path, 'filler'));
    const b = await log.append('room:a', big('B'));
    expect(b.streamSeq).toBe(2);
    await log.close();

    const captured = captureLogger();
    const reopened = await openLog(captured.logger);
    const stored = (await reopened.readForward('room:a', 0, 10)).map(
      (r) => r.data.text.split(' ')[0],
    );
    expect(stored).toEqual(['acknowledged', 'B']);
    expect(reopened.countInStream('room:b')).toBe(0);
    expect(captured.warnings()).toEqual([]);
  });
});
