import { openFreshPostgresStorage } from '../../../support/postgres-storage';
import { describeSignInRepositoriesContract } from './sign-ins.contract';

describeSignInRepositoriesContract('PostgreSQL', async () => {
  const { storage, close } = await openFreshPostgresStorage();
  return { authSessions: storage.authSessions, accountTokens: storage.accountTokens, close };
});
