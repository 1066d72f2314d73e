import { openStorage } from '../../../../src-server/storage/open-storage';
import { makeTempDir, silentLogger } from '../helpers';
import { describeChatStateContract } from './chat-state.contract';
import { describeCoursesContract } from './courses.contract';
import type { OpenedRepositories } from './opened';
import { describeSessionsContract } from './sessions.contract';
import { describeSubmissionsContract } from './submissions.contract';
import { describeTeachingRepositoriesContract } from './teaching.contract';

// The same suites run on PostgreSQL in teaching.contract.postgres.test.ts.
const open = async () => {
  const dir = await makeTempDir();
  const openIn = async (): Promise<OpenedRepositories> => {
    const storage = await openStorage(dir.path, silentLogger);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await storage.close();
    };
    return {
      ...storage,
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
};

describeTeachingRepositoriesContract('lowdb', open);
describeCoursesContract('lowdb', open);
describeSubmissionsContract('lowdb', open);
describeSessionsContract('lowdb', open);
describeChatStateContract('lowdb', open);
