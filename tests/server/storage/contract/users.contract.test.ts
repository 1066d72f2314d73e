import { openStorage } from '../../../../src-server/storage/open-storage';
import { makeTempDir, silentLogger } from '../helpers';
import { describeUsersRepositoryContract } from './users.contract';

// A PostgreSQL implementation runs the same suite with its own `open`.
describeUsersRepositoryContract('lowdb', async () => {
  const dir = await makeTempDir();
  const storage = await openStorage(dir.path, silentLogger);
  return {
    users: storage.users,
    async close() {
      await storage.close();
      await dir.remove();
    },
  };
});
