import { appendFile, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SegmentedLog,
  type LogRecord,
  type SegmentedLogOptions,
} from '../../../../src-server/storage/logs/segmented-log';
import { captureLogger, makeTempDir, silentLogger, type TempDir } from '../helpers';

interface Message {
  readonly text: string;
}

const segmentFiles = async (directory: string) =>
  (await readdir(directory)).filter((name) => name.endsWith('.jsonl')).sort();

/** Appends `count` messages to one stream, in concurrent batches (each batch is one group commit). */
async function fill(
  log: SegmentedLog<Message>,
  stream: string,
  count: number,
  batch = 2000,
): Promise<void> {
  for (let start = 0; start < count; start += batch) {
    const size = Math.min(batch, count - start);
    await Promise.all(
      Array.from({ length: size }, (_, i) =>
        log.append(stream, { text: `message ${start + i + 1}` }),
      ),
    );
  }
}

/** Pages a whole stream newest-first through the cursor, as a client scrolling up would. */
async function pageAllBackward(
  log: SegmentedLog<Message>,
  stream: string,
  pageSize: number,
): Promise<LogRecord<Message>[][]> {
  const pages: LogRecord<Message>[][] = [];
  let cursor: number | undefined;
  for (;;) {
    const page = await log.readBackward(stream, pageSize, cursor);
    if (page.length === 0) return pages;
    pages.push(page);
    cursor = page.at(-1)!.streamSeq;
  }
}

describe('SegmentedLog', () => {
  let dir: TempDir;
  let logDir: string;
  const opened: SegmentedLog<Message>[] = [];
  const openLog = async (logger = silentLogger, options?: SegmentedLogOptions) => {
    const log = await SegmentedLog.open<Message>(logDir, logger, options);
    opened.push(log);
    return log;
  };

  beforeEach(async () => {
    dir = await makeTempDir();
    logDir = join(dir.path, 'logs', 'chat');
  });
  afterEach(async () => {
    for (const log of opened.splice(0)) await log.close().catch(() => undefined);
    await dir.remove();
  });

  describe('appending and reopening', () => {
    it('gives back every record with the same seq and streamSeq after a reopen', async () => {
      const log = await openLog();
      const appended = [
        await log.append('room:a', { text: 'one' }),
        await log.append('room:b', { text: 'two' }),
        await log.append('room:a', { text: 'three' }),
      ];
      expect(appended.map((record) => [record.seq, record.stream, record.streamSeq])).toEqual([
        [1, 'room:a', 1],
        [2, 'room:b', 1],
        [3, 'room:a', 2],
      ]);
      await log.close();

      const reopened = await openLog();

      expect(await reopened.readForward('room:a', 0, 10)).toEqual([appended[0], appended[2]]);
      expect(await reopened.readForward('room:b', 0, 10)).toEqual([appended[1]]);
      expect(reopened.lastStreamSeq('room:a')).toBe(2);
    });

    it('continues the numbering after a reopen instead of starting again', async () => {
      const log = await openLog();
      await log.append('room:a', { text: 'one' });
      await log.append('room:a', { text: 'two' });
      await log.close();

      const reopened = await openLog();
      const next = await reopened.append('room:a', { text: 'three' });

      expect([next.seq, next.streamSeq]).toEqual([3, 3]);
    });

    it('has the record on disk when append resolves, without close()', async () => {
      const log = await openLog();
      await log.append('room:a', { text: 'stored' });

      const [file] = await segmentFiles(logDir);
      const [header, ...lines] = (await readFile(join(logDir, file!), 'utf8'))
        .split('\n')
        .filter(Boolean);
      expect(JSON.parse(header!)).toEqual({ format: 'classhub-log', version: 2 });
      expect(lines.map((line) => (JSON.parse(line) as LogRecord<Message>).data)).toEqual([
        { text: 'stored' },
      ]);
    });

    it('numbers concurrent appends to one stream without gaps or duplicates', async () => {
      const log = await openLog();
      const records = await Promise.all(
        Array.from({ length: 300 }, (_, i) => log.append('room:a', { text: `m${i}` })),
      );

      expect(records.map((record) => record.streamSeq).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 300 }, (_, i) => i + 1),
      );
      expect(log.countInStream('room:a')).toBe(300);
    });

    it('refuses appends after close', async () => {
      const log = await openLog();
      await log.close();
      await expect(log.append('room:a', { text: 'late' })).rejects.toThrow('closed');
    });
  });

  describe('paging', () => {
    it('pages a stream newest-first through a cursor with no gaps and no duplicates', async () => {
      const log = await openLog();
      await fill(log, 'room:a', 95);
      await fill(log, 'room:b', 30); // another stream interleaved on disk must not leak in

      const pages = await pageAllBackward(log, 'room:a', 10);

      expect(pages.map((page) => page.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 5]);
      expect(pages.flat().map((record) => record.streamSeq)).toEqual(
        Array.from({ length: 95 }, (_, i) => 95 - i),
      );
      expect(pages.flat().every((record) => record.stream === 'room:a')).toBe(true);
    });

    it('returns exactly the records after a seq, oldest first, for a reconnecting client', async () => {
      const log = await openLog();
      await fill(log, 'room:a', 40);

      const missed = await log.readForward('room:a', 33, 100);

      expect(missed.map((record) => record.streamSeq)).toEqual([34, 35, 36, 37, 38, 39, 40]);
      expect(missed.map((record) => record.data.text)).toEqual(
        Array.from({ length: 7 }, (_, i) => `message ${34 + i}`),
      );
      expect(await log.readForward('room:a', 40, 100)).toEqual([]);
      expect((await log.readForward('room:a', 0, 5)).map((record) => record.streamSeq)).toEqual([
        1, 2, 3, 4, 5,
      ]);
    });

    it('returns nothing for a stream that has no records', async () => {
      const log = await openLog();
      expect(await log.readBackward('room:none', 10)).toEqual([]);
      expect(await log.readForward('room:none', 0, 10)).toEqual([]);
    });
  });

  describe('segments', () => {
    it('rotates into several segment files and pages across their boundaries, before and after a reopen', async () => {
      const log = await openLog(silentLogger, { segmentBytes: 1024 });
      // Several flushes of 5; a batch is never split (it is written whole or not at all), so a segment is sealed before a batch that would not fit.
      for (let i = 0; i < 6; i++) await fill(log, 'room:a', 20, 5);

      const files = await segmentFiles(logDir);
      expect(files.length).toBeGreaterThan(5);
      for (const file of files.slice(0, -1))
        expect((await stat(join(logDir, file))).size).toBeLessThanOrEqual(1024);

      const expected = Array.from({ length: 120 }, (_, i) => 120 - i);
      expect(
        (await pageAllBackward(log, 'room:a', 7)).flat().map((record) => record.streamSeq),
      ).toEqual(expected);
      await log.close();

      const reopened = await openLog(silentLogger, { segmentBytes: 1024 });
      expect(
        (await pageAllBackward(reopened, 'room:a', 7)).flat().map((record) => record.streamSeq),
      ).toEqual(expected);
      expect(
        (await reopened.readForward('room:a', 50, 30)).map((record) => record.streamSeq),
      ).toEqual(Array.from({ length: 30 }, (_, i) => 51 + i));
      expect((await reopened.append('room:a', { text: 'after reopen' })).streamSeq).toBe(121);
    });
  });

  describe('recovery', () => {
    async function logWithTornTail(garbage: (lastLine: string) => string) {
      const log = await openLog();
      await fill(log, 'room:a', 10);
      await log.close();
      const [file] = (await segmentFiles(logDir)).slice(-1);
      const path = join(logDir, file!);
      const content = await readFile(path, 'utf8');
      const lastLine = content.trimEnd().split('\n').at(-1)!;
      await appendFile(path, garbage(lastLine));
      return { path, goodSize: Buffer.byteLength(content) };
    }

    it('cuts off a tail without a newline on open, with a warning, and keeps every whole record', async () => {
      const { path, goodSize } = await logWithTornTail(
        () => '{"seq":11,"stream":"room:a","streamSeq":11,"at":"20',
      );
      const captured = captureLogger();

      const log = await openLog(captured.logger);

      expect((await stat(path)).size).toBe(goodSize);
      expect(captured.warnings()).toEqual([
        expect.objectContaining({ file: path, droppedBytes: expect.any(Number) }),
      ]);
      expect((await log.readForward('room:a', 0, 100)).map((record) => record.streamSeq)).toEqual(
        Array.from({ length: 10 }, (_, i) => i + 1),
      );
    });

    it('cuts off half of a real line on open, so the next append starts on a line of its own', async () => {
      const { path, goodSize } = await logWithTornTail((lastLine) =>
        lastLine.slice(0, Math.floor(lastLine.length / 2)),
      );
      const captured = captureLogger();

      const log = await openLog(captured.logger);
      expect((await stat(path)).size).toBe(goodSize);
      expect(captured.warnings()).toHaveLength(1);
      const next = await log.append('room:a', { text: 'after repair' });
      await log.close();

      expect([next.seq, next.streamSeq]).toEqual([11, 11]);
      const reopenedCapture = captureLogger();
      const reopened = await openLog(reopenedCapture.logger);
      expect(reopenedCapture.warnings()).toEqual([]);
      expect((await reopened.readBackward('room:a', 2)).map((record) => record.data.text)).toEqual([
        'after repair',
        'message 10',
      ]);
    });

    it('opens a clean log without any warning', async () => {
      const log = await openLog();
      await fill(log, 'room:a', 5);
      await log.close();
      const captured = captureLogger();

      await openLog(captured.logger);

      expect(captured.warnings()).toEqual([]);
    });
  });

  describe('write cost', () => {
    /** Bytes of the segment files (index checkpoints, saved every 10,000 records in the background, aside). */
    const segmentBytes = async () => {
      let total = 0;
      for (const file of await segmentFiles(logDir)) total += (await stat(join(logDir, file))).size;
      return total;
    };

    /** Bytes the log's segments grow by for one append to `stream`. */
    async function growthOfOneAppend(log: SegmentedLog<Message>, stream: string) {
      const before = await segmentBytes();
      const record = await log.append(stream, { text: 'the same message' });
      return {
        growth: (await segmentBytes()) - before,
        lineBytes: Buffer.byteLength(`${JSON.stringify(record)}\n`),
      };
    }

    it('adds the same bytes to disk for one append whether the stream holds 0 or 20,000 records', async () => {
      const log = await openLog();
      // Both appends get five-digit seq numbers and equally long stream names, so only the streamSeq digits differ.
      await fill(log, 'room:quiet-neighbour', 20_000);
      const intoEmptyStream = await growthOfOneAppend(log, 'room:new');
      await fill(log, 'room:old', 20_000);
      const intoBusyStream = await growthOfOneAppend(log, 'room:old');

      expect(log.countInStream('room:old')).toBe(20_001);
      expect(intoEmptyStream.growth).toBe(intoEmptyStream.lineBytes);
      expect(intoBusyStream.growth).toBe(intoBusyStream.lineBytes);
      // "1" vs "20001": the only difference is the four extra digits of the stream's own counter.
      expect(intoBusyStream.growth - intoEmptyStream.growth).toBe(
        String(20_001).length - String(1).length,
      );
    });

    it('leaves the bytes already in the segment untouched by an append', async () => {
      const log = await openLog();
      await fill(log, 'room:a', 100);
      const [file] = await segmentFiles(logDir);
      const path = join(logDir, file!);
      const before = await readFile(path);
      const { ino } = await stat(path);

      await log.append('room:a', { text: 'one more' });

      const after = await readFile(path);
      expect(after.subarray(0, before.length)).toEqual(before);
      expect((await stat(path)).ino).toBe(ino);
    });
  });
});
