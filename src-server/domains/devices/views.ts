import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { BoardDevice, DeviceBoard, DeviceId } from '../../../src-shared/schemas/devices';
import type { Actor } from '../../../src-shared/permissions';
import type { DeviceReportRecord, MaterialRecord, UserRecord } from '../../storage/records';
import { toSummary } from '../accounts/views';

/**
 * The board as its reader sees it: per active student, their devices (most
 * recently heard from first) and, for each desktop that reported, which of
 * the course's current materials its library holds — matched by the file's
 * checksum, so a material whose file was replaced shows as missing.
 */
export function toDeviceBoard(
  viewer: Actor,
  courseId: CourseId,
  materials: readonly MaterialRecord[],
  students: readonly { user: UserRecord; devices: readonly DeviceReportRecord[] }[],
  isOnline: (userId: UserId, deviceId: DeviceId) => boolean,
): DeviceBoard {
  return {
    courseId,
    materials: materials.map((m) => ({ id: m.id, title: m.title })),
    students: students.map(({ user, devices }) => ({
      student: toSummary(user, viewer),
      devices: [...devices]
        .sort((a, b) => b.lastSyncAt.localeCompare(a.lastSyncAt))
        .map((device) =>
          toBoardDevice(device, courseId, materials, isOnline(user.id, device.deviceId)),
        ),
    })),
  };
}

function toBoardDevice(
  device: DeviceReportRecord,
  courseId: CourseId,
  materials: readonly MaterialRecord[],
  online: boolean,
): BoardDevice {
  const report = device.report;
  const files = new Set(report?.library.find((entry) => entry.courseId === courseId)?.files);
  return {
    deviceId: device.deviceId,
    kind: device.kind,
    ...(device.version !== undefined ? { version: device.version } : {}),
    ...(device.platform !== undefined ? { platform: device.platform } : {}),
    online,
    lastSyncAt: device.lastSyncAt,
    outboxWaiting: report ? report.outboxWaiting : null,
    presentMaterialIds: report
      ? materials.filter((m) => files.has(m.file.blobId)).map((m) => m.id)
      : null,
  };
}
