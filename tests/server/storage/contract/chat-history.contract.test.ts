import { join } from 'node:path';
import { LogChatHistoryRepository } from '../../../../src-server/storage/logs/chat-history';
import { SegmentedLog } from '../../../../src-server/storage/logs/segmented-log';
import type { ChatRecord } from '../../../../src-server/storage/records';
import { makeTempDir, silentLogger } from '../helpers';
import { describeChatHistoryContract, type OpenedChatHistory } from './chat-history.contract';

describeChatHistoryContract('lowdb', async () => {
  const dir = await makeTempDir();
  const openIn = async (): Promise<OpenedChatHistory> => {
    const log = await SegmentedLog.open<ChatRecord>(join(dir.path, 'chat'), silentLogger);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await log.close();
    };
    return {
      chat: new LogChatHistoryRepository(log),
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
