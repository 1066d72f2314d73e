import { PgHistoryRepository } from '../../../../src-server/storage/postgres/history';
import { historyTables } from '../../../../src-server/storage/postgres/history-tables';
import { describeHistoryContract, type Message, type OpenedHistory } from './history.contract';
import { usePostgresDatabase } from './postgres-store';

const postgres = usePostgresDatabase();

describeHistoryContract('postgres', async () => {
  const { entries, heads } = historyTables('chat');
  await postgres.empty([entries, heads]);
  // The database is the store: reopening is a new repository over the same tables.
  const opened = (): OpenedHistory => ({
    // Small batches, so pruning takes more than one statement.
    history: new PgHistoryRepository<Message>(postgres.connection().db, 'chat', { pruneBatch: 5 }),
    reopen: async () => opened(),
    close: async () => {},
  });
  return opened();
});
