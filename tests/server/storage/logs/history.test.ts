import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogHistoryRepository } from '../../../../src-server/storage/logs/history';
import { SegmentedLog } from '../../../../src-server/storage/logs/segmented-log';
import { makeTempDir, silentLogger, type TempDir } from '../helpers';

interface Message {
  readonly text: string;
}

describe('LogHistoryRepository', () => {
  let dir: TempDir;
  afterEach(async () => {
    await dir.remove();
  });

  it('pages a stream by its own sequence: newest first before a cursor, oldest first after one', async () => {
    dir = await makeTempDir();
    const log = await SegmentedLog.open<Message>(join(dir.path, 'audit'), silentLogger);
    const history = new LogHistoryRepository(log);
    for (let i = 1; i <= 5; i++) await history.append('user:1', { text: `event ${i}` });
    await history.append('user:2', { text: 'elsewhere' });

    expect((await history.page('user:1', 2)).map((entry) => entry.seq)).toEqual([5, 4]);
    expect((await history.page('user:1', 2, 4)).map((entry) => entry.seq)).toEqual([3, 2]);
    expect(await history.since('user:1', 3, 10)).toEqual([
      { seq: 4, at: expect.any(String), entry: { text: 'event 4' } },
      { seq: 5, at: expect.any(String), entry: { text: 'event 5' } },
    ]);
    await log.close();
  });
});
