import { openStorage } from '../../../../src-server/storage/open-storage';
import { makeTempDir, silentLogger } from '../helpers';
import { describeSignInRepositoriesContract } from './sign-ins.contract';

// A PostgreSQL implementation runs the same suite with its own `open`.
describeSignInRepositoriesContract('lowdb', async () => {
  const dir = await makeTempDir();
  const storage = await openStorage(dir.path, silentLogger);
  return {
    authSessions: storage.authSessions,
    accountTokens: storage.accountTokens,
    async close() {
      await storage.close();
      await dir.remove();
    },
  };
});
