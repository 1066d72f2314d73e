import { PgChatHistoryRepository } from '../../../../src-server/storage/postgres/chat-history';
import { historyTables } from '../../../../src-server/storage/postgres/history-tables';
import { describeChatHistoryContract, type OpenedChatHistory } from './chat-history.contract';
import { usePostgresDatabase } from './postgres-store';

const postgres = usePostgresDatabase();

describeChatHistoryContract('postgres', async () => {
  const { entries, heads } = historyTables('chat');
  await postgres.empty([entries, heads]);
  // The database is the store: reopening (or another hub node) is a new repository over the same tables.
  const opened = (): OpenedChatHistory => ({
    chat: new PgChatHistoryRepository(postgres.connection().db),
    reopen: async () => opened(),
    close: async () => {},
  });
  return opened();
});
