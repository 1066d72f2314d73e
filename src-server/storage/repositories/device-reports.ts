import type { UserId } from '../../../src-shared/ids';
import type { DeviceId } from '../../../src-shared/schemas/devices';
import { deviceReportRecordSchema } from '../record-schemas';
import type { DeviceReportRecord } from '../records';
import type { DeviceReportsRepository } from '../repositories-devices';
import type { DocumentCollection } from '../document-collection';

const keyOf = (userId: string, deviceId: string) => `${userId}:${deviceId}`;

export const deviceReportsCollectionOptions = {
  name: 'device-reports',
  schema: deviceReportRecordSchema,
  indexes: { user: (r: DeviceReportRecord) => r.userId },
};

export class DocumentDeviceReportsRepository implements DeviceReportsRepository {
  constructor(private readonly reports: DocumentCollection<DeviceReportRecord>) {}
  async get(userId: UserId, deviceId: DeviceId) {
    return this.reports.get(keyOf(userId, deviceId));
  }
  async listForUser(userId: UserId) {
    return this.reports.listByIndex('user', userId);
  }
  async put(record: DeviceReportRecord) {
    const id = keyOf(record.userId, record.deviceId);
    const stored = { ...record, id };
    return this.reports.upsert(id, () => stored);
  }
  async delete(userId: UserId, deviceId: DeviceId) {
    return this.reports.delete(keyOf(userId, deviceId));
  }
}
