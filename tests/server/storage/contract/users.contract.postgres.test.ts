import { openFreshPostgresStorage } from '../../../support/postgres-storage';
import { describeUsersRepositoryContract } from './users.contract';

describeUsersRepositoryContract('PostgreSQL', async () => {
  const { storage, close } = await openFreshPostgresStorage();
  return { users: storage.users, close };
});
