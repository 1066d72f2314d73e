import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SegmentedLog } from '../../../../src-server/storage/logs/segmented-log';
import { makeTempDir, silentLogger } from '../helpers';

describe('pruning', () => {
  it('deletes whole segments older than the cutoff, keeps numbering, and counts what is left', async () => {
    const temp = await makeTempDir('classhub-prune-');
    const dir = temp.path;
    const log = await SegmentedLog.open<{ n: number }>(dir, silentLogger, { segmentBytes: 200 });
    for (let n = 1; n <= 12; n++) await log.append('inbox:a', { n });
    const files = async () => (await readdir(dir)).filter((f) => f.endsWith('.jsonl')).length;
    const before = await files();
    expect(before).toBeGreaterThan(2);
    expect(await log.pruneBefore(new Date(Date.now() + 60_000).toISOString())).toBe(before - 1); // all but the segment being written
    expect(await files()).toBe(1);
    expect(log.lastStreamSeq('inbox:a')).toBe(12);
    const kept = log.countAfter('inbox:a', 0);
    expect(kept).toBeGreaterThan(0);
    expect((await log.readBackward('inbox:a', 100)).map((r) => r.streamSeq)).toEqual(
      Array.from({ length: kept }, (_, i) => 12 - i),
    );
    expect((await log.append('inbox:a', { n: 13 })).streamSeq).toBe(13);
    expect(await log.pruneBefore('2000-01-01T00:00:00.000Z')).toBe(0);
    await log.close();
    const reopened = await SegmentedLog.open<{ n: number }>(dir, silentLogger, {
      segmentBytes: 200,
    });
    expect(reopened.lastStreamSeq('inbox:a')).toBe(13);
    await reopened.close();
    await temp.remove();
  });
});
