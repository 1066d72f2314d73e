import type {
  AttendanceRow,
  AttendanceStatus,
  AttendanceWindow,
} from '../../../../src-shared/schemas/class-tools/attendance';
import { checkInStatus } from '../../../../src-shared/schemas/class-tools/attendance';
import type { UserId } from '../../../../src-shared/ids';
import type { Actor } from '../../../../src-shared/permissions';
import type { UserRecord } from '../../../storage/records';
import type { AttendanceWindowRecord, CheckInRecord } from '../../../storage/records-class-tools';
import { formerMember, toSummary } from '../../accounts/views';

export function statusOf(
  window: AttendanceWindowRecord,
  checkIn: CheckInRecord | undefined,
): AttendanceStatus {
  return checkIn ? checkInStatus(window, checkIn.checkedInAt) : 'absent';
}

/** Present / late / absent over the roster; a check-in from someone no longer on it still counts. */
export function countsOf(
  window: AttendanceWindowRecord,
  roster: readonly UserId[],
  checkIns: readonly CheckInRecord[],
): NonNullable<AttendanceWindow['counts']> {
  const byUser = new Map(checkIns.map((c) => [c.userId as string, c]));
  const counts = { present: 0, late: 0, absent: 0 };
  for (const userId of new Set<string>([...roster, ...byUser.keys()]))
    counts[statusOf(window, byUser.get(userId))] += 1;
  return counts;
}

export function toWindow(
  window: AttendanceWindowRecord,
  counts: AttendanceWindow['counts'],
  mine: CheckInRecord | undefined | null,
): AttendanceWindow {
  return {
    id: window.id,
    sessionId: window.sessionId,
    courseId: window.courseId ?? null,
    openedAt: window.openedAt,
    closedAt: window.closedAt ?? null,
    lateAfterMinutes: window.lateAfterMinutes,
    counts,
    // null: the viewer is not a student of it (host, admin); absent until they check in.
    mine:
      mine === null
        ? null
        : { status: statusOf(window, mine), checkedInAt: mine?.checkedInAt ?? null },
  };
}

/** One row per expected student and per check-in, by last name. */
export async function sheetRows(
  window: AttendanceWindowRecord,
  roster: readonly UserId[],
  checkIns: readonly CheckInRecord[],
  userOf: (id: UserId) => Promise<UserRecord | undefined>,
  viewer: Actor,
): Promise<AttendanceRow[]> {
  const byUser = new Map(checkIns.map((c) => [c.userId as string, c]));
  const ids = [...new Set<string>([...roster, ...byUser.keys()])] as UserId[];
  const rows = await Promise.all(
    ids.map(async (id) => {
      const checkIn = byUser.get(id);
      return {
        student: toSummary((await userOf(id)) ?? formerMember(id), viewer),
        status: statusOf(window, checkIn),
        checkedInAt: checkIn?.checkedInAt ?? null,
        method: checkIn?.method ?? null,
      };
    }),
  );
  return rows.sort(
    (a, b) =>
      a.student.lastName.localeCompare(b.student.lastName) ||
      a.student.firstName.localeCompare(b.student.firstName),
  );
}
