import { openStorage } from '../../../../src-server/storage/open-storage';
import { makeTempDir, silentLogger } from '../helpers';
import {
  describeTeachingRepositoriesContract,
  type OpenedTeachingRepositories,
} from './teaching.contract';

// A PostgreSQL implementation runs the same suite with its own `open`.
describeTeachingRepositoriesContract('lowdb', async () => {
  const dir = await makeTempDir();
  const openIn = async (): Promise<OpenedTeachingRepositories> => {
    const storage = await openStorage(dir.path, silentLogger);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await storage.close();
    };
    return {
      announcements: storage.announcements,
      workComments: storage.workComments,
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
