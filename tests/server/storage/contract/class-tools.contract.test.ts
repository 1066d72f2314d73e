import { openStorage } from '../../../../src-server/storage/open-storage';
import { makeTempDir, silentLogger } from '../helpers';
import {
  describeClassToolsRepositoryContract,
  type OpenedClassToolsRepository,
} from './class-tools.contract';

// A PostgreSQL implementation runs the same suite with its own `open`.
describeClassToolsRepositoryContract('lowdb', async () => {
  const dir = await makeTempDir();
  const openIn = async (): Promise<OpenedClassToolsRepository> => {
    const storage = await openStorage(dir.path, silentLogger);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await storage.close();
    };
    return {
      classTools: storage.classTools,
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
