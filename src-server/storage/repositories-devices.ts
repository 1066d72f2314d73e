import type { UserId } from '../../src-shared/ids';
import type { DeviceId } from '../../src-shared/schemas/devices';
import type { DeviceReportRecord } from './records';

/** The latest report per (person, device), read per person through an index. */
export interface DeviceReportsRepository {
  get(userId: UserId, deviceId: DeviceId): Promise<DeviceReportRecord | undefined>;
  /** A person's devices, in no particular order. */
  listForUser(userId: UserId): Promise<DeviceReportRecord[]>;
  /** Stores the record, replacing the one of the same (person, device). */
  put(record: DeviceReportRecord): Promise<DeviceReportRecord>;
  delete(userId: UserId, deviceId: DeviceId): Promise<boolean>;
}
