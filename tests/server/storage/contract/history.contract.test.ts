import { join } from 'node:path';
import { LogHistoryRepository } from '../../../../src-server/storage/logs/history';
import { SegmentedLog } from '../../../../src-server/storage/logs/segmented-log';
import { makeTempDir, silentLogger } from '../helpers';
import { describeHistoryContract, type Message, type OpenedHistory } from './history.contract';

describeHistoryContract('lowdb', async () => {
  const dir = await makeTempDir();
  const openIn = async (): Promise<OpenedHistory> => {
    // Small segments, so pruning (a whole segment at a time) has old segments to drop.
    const log = await SegmentedLog.open<Message>(join(dir.path, 'chat'), silentLogger, {
      segmentBytes: 200,
    });
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await log.close();
    };
    return {
      history: new LogHistoryRepository(log),
      async reopen() {
        await close();
        return openIn();
      },
      async close() {
        await close();
        await dir.remove();
      },
    };
  };
  return openIn();
});
