import { openStorage } from '../../../../src-server/storage/open-storage';
import { makeTempDir, silentLogger } from '../helpers';
import {
  describeLiveToolRepositoriesContract,
  type OpenedLiveToolRepositories,
} from './live-tools.contract';

// A PostgreSQL implementation runs the same suite with its own `open`.
describeLiveToolRepositoriesContract('lowdb', async () => {
  const dir = await makeTempDir();
  const openIn = async (): Promise<OpenedLiveToolRepositories> => {
    const storage = await openStorage(dir.path, silentLogger);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await storage.close();
    };
    return {
      polls: storage.polls,
      attendance: storage.attendance,
      exitTickets: storage.exitTickets,
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
