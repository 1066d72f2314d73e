import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import type { DeviceId } from '../../../../src-shared/schemas/devices';
import type { DeviceReportRecord } from '../../../../src-server/storage/records';
import type { DeviceReportsRepository } from '../../../../src-server/storage/repositories-devices';

export interface OpenedDeviceReports {
  readonly deviceReports: DeviceReportsRepository;
  /** Closes and opens the same store again, to check what survived. */
  reopen(): Promise<OpenedDeviceReports>;
  close(): Promise<void>;
}

const emma = 'user-emma' as UserId;
const laptop = 'laptop-0001' as DeviceId;
const phone = 'phone-0002' as DeviceId;

const record = (
  userId: UserId,
  deviceId: DeviceId,
  change: Partial<DeviceReportRecord> = {},
): DeviceReportRecord => ({
  id: `${userId}:${deviceId}`,
  userId,
  deviceId,
  kind: 'desktop',
  version: '1.0.0',
  lastSyncAt: '2026-12-04T10:00:00.000Z',
  ...change,
});

/** What the device board relies on, whatever stores the reports. */
export function describeDeviceReportsContract(
  engine: string,
  open: () => Promise<OpenedDeviceReports>,
) {
  describe(`device reports repository (${engine})`, () => {
    let store: OpenedDeviceReports;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('keeps one record per person and device: a second put replaces the first', async () => {
      await store.deviceReports.put(record(emma, laptop, { version: '1.0.0' }));
      await store.deviceReports.put(record(emma, laptop, { version: '1.1.0' }));
      await store.deviceReports.put(record(emma, phone, { kind: 'browser', version: '-' }));
      await store.deviceReports.put(record('user-noah' as UserId, laptop));
      const mine = await store.deviceReports.listForUser(emma);
      expect(mine.map((r) => `${r.deviceId} ${r.version}`).sort()).toEqual([
        'laptop-0001 1.1.0',
        'phone-0002 -',
      ]);
    });

    it('keeps the library report, and a deletion, across a reopen', async () => {
      const report = {
        at: '2026-12-04T10:05:00.000Z',
        outboxWaiting: 2,
        library: [{ courseId: 'course-1' as CourseId, files: ['a'.repeat(64)] }],
      };
      await store.deviceReports.put(record(emma, laptop, { report }));
      await store.deviceReports.put(record(emma, phone, { kind: 'browser' }));
      expect(await store.deviceReports.delete(emma, phone)).toBe(true);
      expect(await store.deviceReports.delete(emma, phone)).toBe(false);
      store = await store.reopen();
      expect(await store.deviceReports.get(emma, laptop)).toMatchObject({ report });
      expect(await store.deviceReports.get(emma, phone)).toBeUndefined();
      expect(await store.deviceReports.listForUser('user-nobody' as UserId)).toEqual([]);
    });
  });
}
