import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptDataError } from '../../../../src-server/storage/errors';
import { SegmentedLog, type LogRecord } from '../../../../src-server/storage/logs/segmented-log';
import { FaultyFileSystem } from '../../../support/faulty-file-system';
import { captureLogger, makeTempDir, silentLogger, type TempDir } from '../helpers';

interface Message {
  readonly text: string;
}

const SEGMENT_BYTES = 1024;

/**
 * Start-up must not grow with history: a sealed segment's index is saved
 * beside it and read at the next start; only the open segment is parsed.
 * Every file says which format it is in; a damaged index is rebuilt from its
 * segment, with a log line.
 */
describe('SegmentedLog index files', () => {
  let dir: TempDir;
  let logDir: string;
  const opened: SegmentedLog<Message>[] = [];
  const openLog = async (
    options: { logger?: ReturnType<typeof captureLogger>; faults?: FaultyFileSystem } = {},
  ) => {
    const log = await SegmentedLog.open<Message>(logDir, options.logger?.logger ?? silentLogger, {
      segmentBytes: SEGMENT_BYTES,
      ...(options.faults ? { fileSystem: options.faults } : {}),
    });
    opened.push(log);
    return log;
  };
  const files = async (suffix: string) =>
    (await readdir(logDir)).filter((name) => name.endsWith(suffix)).sort();
  const texts = (records: LogRecord<Message>[]) => records.map((record) => record.data.text);

  /** 60 records over two streams, in batches of 3, so several segments are sealed. */
  async function history(): Promise<LogRecord<Message>[]> {
    const log = await openLog();
    const records: LogRecord<Message>[] = [];
    for (let i = 0; i < 60; i += 3) {
      records.push(
        ...(await Promise.all(
          [i, i + 1, i + 2].map((n) =>
            log.append(n % 3 === 0 ? 'room:b' : 'room:a', { text: `m${n}` }),
          ),
        )),
      );
    }
    await log.close();
    return records;
  }

  const everything = async (log: SegmentedLog<Message>) => [
    ...(await log.readForward('room:a', 0, 1000)),
    ...(await log.readForward('room:b', 0, 1000)),
  ];

  beforeEach(async () => {
    dir = await makeTempDir();
    logDir = join(dir.path, 'chat');
  });
  afterEach(async () => {
    for (const log of opened.splice(0)) await log.close().catch(() => undefined);
    await dir.remove();
  });

  it('saves an index for each segment, so a start after a clean stop parses no segment at all', async () => {
    const records = await history();
    const segments = await files('.jsonl');
    expect(segments.length).toBeGreaterThan(3);
    expect(await files('.idx')).toEqual(segments.map((name) => name.replace('.jsonl', '.idx')));

    const faults = new FaultyFileSystem();
    const log = await openLog({ faults });

    const wholeReads = faults.history.filter(
      (call) => call.op === 'readFile' && call.path.endsWith('.jsonl'),
    );
    expect(wholeReads).toEqual([]);
    const byStream = (stream: string) => records.filter((record) => record.stream === stream);
    expect(await log.readForward('room:a', 0, 1000)).toEqual(byStream('room:a'));
    expect(await log.readBackward('room:b', 1000)).toEqual(byStream('room:b').reverse());
    expect((await log.append('room:a', { text: 'next' })).seq).toBe(61);
  });

  it('after a crash parses only the open segment, from its last checkpoint on', async () => {
    const records = await history();
    const crashed = await openLog(); // appends, then "dies": never closed, so no new checkpoint
    const late = await crashed.append('room:a', { text: 'after the checkpoint' });
    const faults = new FaultyFileSystem();
    const captured = captureLogger();

    const log = await openLog({ faults, logger: captured });

    const segments = await files('.jsonl');
    const tail = join(logDir, segments.at(-1)!);
    const opensAndWholeReads = faults.history.filter(
      (call) => call.path.endsWith('.jsonl') && (call.op === 'open' || call.op === 'readFile'),
    );
    expect(opensAndWholeReads).toEqual([
      { op: 'open', path: tail }, // reads the bytes after the checkpoint
      { op: 'open', path: tail }, // the writer
    ]);
    expect(captured.warnings()).toEqual([]);
    expect(await log.readBackward('room:a', 2)).toEqual([
      late,
      records.filter((record) => record.stream === 'room:a').at(-1),
    ]);
    expect((await log.append('room:b', { text: 'next' })).seq).toBe(62);
  });

  it('rebuilds a damaged index from its segment, says so, and saves a good one', async () => {
    const records = await history();
    const [firstIndex] = await files('.idx');
    const path = join(logDir, firstIndex!);
    const bytes = await readFile(path);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    await writeFile(path, bytes);
    const captured = captureLogger();

    const log = await openLog({ logger: captured });

    expect(captured.warnings()).toEqual([
      expect.objectContaining({ indexFile: path, reason: 'checksum mismatch' }),
    ]);
    expect(await everything(log)).toEqual([
      ...records.filter((r) => r.stream === 'room:a'),
      ...records.filter((r) => r.stream === 'room:b'),
    ]);
    await log.close();
    const again = captureLogger();
    await openLog({ logger: again });
    expect(again.warnings()).toEqual([]);
  });

  it('rebuilds an index that no longer matches its segment (cut short, or of another format version)', async () => {
    await history();
    const [first, second] = await files('.idx');
    await writeFile(join(logDir, first!), (await readFile(join(logDir, first!))).subarray(0, 20));
    const other = await readFile(join(logDir, second!));
    other.writeUInt32LE(99, 4);
    await writeFile(join(logDir, second!), other);
    const captured = captureLogger();

    const log = await openLog({ logger: captured });

    expect(captured.warnings().map((line) => line.reason)).toEqual([
      'not an index file',
      'index format 99, expected 1',
    ]);
    expect(log.countInStream('room:a') + log.countInStream('room:b')).toBe(60);
  });

  it('reads the whole open segment when its checkpoint is damaged, with a warning', async () => {
    await history();
    const tailIndex = join(logDir, (await files('.idx')).at(-1)!);
    await writeFile(tailIndex, 'not an index');
    const captured = captureLogger();

    const log = await openLog({ logger: captured });

    expect(captured.warnings()).toEqual([
      expect.objectContaining({ indexFile: tailIndex, reason: 'not an index file' }),
    ]);
    expect(log.countInStream('room:a') + log.countInStream('room:b')).toBe(60);
    expect((await log.append('room:a', { text: 'next' })).streamSeq).toBe(41);
  });

  it('completes a sealed segment whose final index was never saved from its last checkpoint, without a warning', async () => {
    const records = await history();
    const tailIndex = (await files('.idx')).at(-1)!;
    const faults = new FaultyFileSystem().failNext('rename', {
      path: tailIndex,
      times: Number.POSITIVE_INFINITY,
    });
    const crashed = await openLog({ faults }); // its seal of the tail fails to save, then it "dies"
    for (let i = 0; i < 10; i++)
      records.push(await crashed.append('room:a', { text: `late ${i}` }));
    expect((await files('.jsonl')).at(-1)).not.toBe(tailIndex.replace('.idx', '.jsonl'));
    const captured = captureLogger();

    const log = await openLog({ logger: captured });

    expect(captured.warnings()).toEqual([]);
    expect(await log.readForward('room:a', 0, 1000)).toEqual(
      records.filter((record) => record.stream === 'room:a'),
    );
  });

  it('builds the index of a segment that has none (a hub stopped before saving it) with an info line', async () => {
    await history();
    const [first] = await files('.idx');
    await rm(join(logDir, first!));
    const captured = captureLogger();

    const log = await openLog({ logger: captured });

    expect(captured.warnings()).toEqual([]);
    expect(captured.lines.map((line) => line.msg)).toContain('built the index of a log segment');
    expect(await files('.idx')).toContain(first);
    expect(log.countInStream('room:a') + log.countInStream('room:b')).toBe(60);
  });

  it('opens a log written before the format had a version (no header, no index files) and keeps appending', async () => {
    const lines = Array.from({ length: 4 }, (_, i) =>
      JSON.stringify({
        seq: i + 1,
        stream: 'room:a',
        streamSeq: i + 1,
        at: `2026-01-0${i + 1}T00:00:00.000Z`,
        data: { text: `old ${i + 1}` },
      }),
    );
    await openLog().then((log) => log.close());
    await rm(logDir, { recursive: true });
    await mkdir(logDir);
    await writeFile(join(logDir, '00000001.jsonl'), `${lines.slice(0, 2).join('\n')}\n`);
    await writeFile(join(logDir, '00000002.jsonl'), `${lines.slice(2).join('\n')}\n`);

    const log = await openLog();
    const next = await log.append('room:a', { text: 'new' });
    await log.close();
    const reopened = await openLog();

    expect([next.seq, next.streamSeq]).toEqual([5, 5]);
    expect(texts(await reopened.readForward('room:a', 0, 10))).toEqual([
      'old 1',
      'old 2',
      'old 3',
      'old 4',
      'new',
    ]);
    expect(await files('.idx')).toEqual(['00000001.idx', '00000002.idx']); // sealed, and the open one's checkpoint
  });

  it('refuses to open a segment written by a newer ClassHub, naming the file', async () => {
    await openLog().then((log) => log.close());
    const path = join(logDir, '00000001.jsonl');
    await writeFile(path, `${JSON.stringify({ format: 'classhub-log', version: 3 })}\n`);

    const error = await openLog().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(CorruptDataError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('newer ClassHub');
  });

  it('opens each segment once for reading, however many reads start at the same moment', async () => {
    await history();
    const faults = new FaultyFileSystem();
    const log = await openLog({ faults });
    const readOpens = () => faults.history.filter((call) => call.op === 'open').length;
    const before = readOpens();

    await Promise.all(Array.from({ length: 20 }, () => log.readForward('room:a', 0, 1)));

    expect(readOpens() - before).toBe(1);
  });

  it('keeps at most 8 segments open for reading, however many are read', async () => {
    const log = await openLog();
    for (let i = 0; i < 240; i += 4)
      await Promise.all([0, 1, 2, 3].map((n) => log.append('room:a', { text: `m${i + n}` })));
    expect((await files('.jsonl')).length).toBeGreaterThan(10);
    await log.close();
    const faults = new FaultyFileSystem();
    const reopened = await openLog({ faults });
    const openHandles = () => (faults.calls.get('open') ?? 0) - (faults.calls.get('close') ?? 0);
    const before = openHandles(); // the writer

    const all = await reopened.readForward('room:a', 0, 1000);
    await new Promise((resolve) => setImmediate(resolve)); // closes are not awaited by reads

    expect(all).toHaveLength(240);
    expect(openHandles() - before).toBeLessThanOrEqual(8);
  });

  it('deletes the index with its segment when pruning', async () => {
    await history();
    const log = await openLog();
    const segments = await files('.jsonl');

    const removed = await log.pruneBefore(new Date(Date.now() + 60_000).toISOString());

    expect(removed).toBe(segments.length - 1);
    expect(await files('.jsonl')).toEqual(segments.slice(-1));
    expect(await files('.idx')).toEqual(
      segments.slice(-1).map((name) => name.replace('.jsonl', '.idx')),
    );
    expect(log.lastStreamSeq('room:a')).toBe(40);
  });
});
