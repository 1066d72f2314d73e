import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { CourseId, MaterialId } from '../../../../src-shared/schemas/courses';
import type { DeviceId } from '../../../../src-shared/schemas/devices';
import { toDeviceBoard } from '../../../../src-server/domains/devices/views';
import type {
  DeviceReportRecord,
  MaterialRecord,
  UserRecord,
} from '../../../../src-server/storage/records';

const course = 'physics' as CourseId;
const material = (id: string, blob: string): MaterialRecord =>
  ({
    id: id as MaterialId,
    courseId: course,
    title: id,
    file: {
      id: `f-${id}`,
      blobId: blob.repeat(64),
      fileName: `${id}.pdf`,
      contentType: 'application/pdf',
      size: 1,
    },
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  }) as MaterialRecord;
const emma = {
  id: 'emma' as UserId,
  username: 'emma',
  firstName: 'Emma',
  lastName: 'Q',
  role: 'student',
  isAdmin: false,
} as UserRecord;
const device = (deviceId: string, change: Partial<DeviceReportRecord>): DeviceReportRecord => ({
  id: `emma:${deviceId}`,
  userId: emma.id,
  deviceId: deviceId as DeviceId,
  kind: 'desktop',
  lastSyncAt: '2026-12-04T10:00:00.000Z',
  ...change,
});

describe('the device board view', () => {
  it('matches a library by file checksum: a replaced file is missing, another course’s files do not count', () => {
    const board = toDeviceBoard(
      emma,
      course,
      [material('syllabus', 'a'), material('slides', 'b')],
      [
        {
          user: emma,
          devices: [
            device('old-laptop', {
              lastSyncAt: '2026-12-03T10:00:00.000Z',
              report: {
                at: '2026-12-03T10:00:00.000Z',
                outboxWaiting: 0,
                // The slides were downloaded before the teacher replaced their file ('c' → 'b').
                library: [
                  { courseId: course, files: ['a'.repeat(64), 'c'.repeat(64)] },
                  { courseId: 'chemistry' as CourseId, files: ['b'.repeat(64)] },
                ],
              },
            }),
            device('phone', { kind: 'browser' }),
          ],
        },
      ],
      (_user, deviceId) => deviceId === 'phone',
    );
    const [phone, laptop] = board.students[0]!.devices;
    expect(phone).toMatchObject({
      kind: 'browser',
      online: true,
      presentMaterialIds: null,
      outboxWaiting: null,
    });
    expect(laptop).toMatchObject({
      online: false,
      presentMaterialIds: ['syllabus'],
      outboxWaiting: 0,
    });
  });
});
