import { openStorage } from '../../../../src-server/storage/open-storage';
import { makeTempDir, silentLogger } from '../helpers';
import { describeDeviceReportsContract, type OpenedDeviceReports } from './device-reports.contract';

// A PostgreSQL implementation runs the same suite with its own `open`.
describeDeviceReportsContract('lowdb', async () => {
  const dir = await makeTempDir();
  const openIn = async (): Promise<OpenedDeviceReports> => {
    const storage = await openStorage(dir.path, silentLogger);
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await storage.close();
    };
    return {
      deviceReports: storage.deviceReports,
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
