import { stat } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { SegmentedLog } from '../../../../src-server/storage/logs/segmented-log';
import { captureLogger, makeTempDir, type TempDir } from '../helpers';

let dir: TempDir;
let log: SegmentedLog<{ n: number }> | undefined;
afterEach(async () => {
  await log?.close();
  log = undefined;
  await dir.remove();
});

describe('a log snapshot (for backups)', () => {
  it('holds off pruning until released, so no segment it lists disappears while read', async () => {
    dir = await makeTempDir();
    log = await SegmentedLog.open(dir.path, captureLogger().logger, { segmentBytes: 200 });
    for (let n = 0; n < 10; n++) await log.append('room', { n });
    const snapshot = log.snapshot();
    expect(snapshot.segments.length).toBeGreaterThan(2);
    expect(snapshot.heads).toEqual([['room', 10]]);

    expect(await log.pruneBefore('2999-01-01T00:00:00Z')).toBe(0);
    snapshot.release();
    expect(await log.pruneBefore('2999-01-01T00:00:00Z')).toBe(snapshot.segments.length - 1);
  });

  it('lists the open segment with the bytes durable at that instant only', async () => {
    dir = await makeTempDir();
    log = await SegmentedLog.open(dir.path, captureLogger().logger);
    await log.append('room', { n: 1 });
    const snapshot = log.snapshot();
    const [open] = snapshot.segments;
    await log.append('room', { n: 2 });
    expect(snapshot.segments).toEqual([open]);
    expect(open!.bytes).toBeLessThan((await stat(open!.file)).size);
    snapshot.release();
  });
});
