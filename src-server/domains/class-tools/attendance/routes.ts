import type { HandlersFor } from '../../handlers';
import type { AttendanceExports } from './attendance-exports';
import type { AttendanceService } from './attendance-service';

type AttendanceRouteName =
  | 'sessionAttendance'
  | 'openAttendance'
  | 'closeAttendance'
  | 'attendanceSheet'
  | 'attendanceCsv'
  | 'checkIn'
  | 'courseAttendance'
  | 'courseAttendanceCsv';

export function attendanceRoutes(
  attendance: AttendanceService,
  exports: AttendanceExports,
): HandlersFor<AttendanceRouteName> {
  return {
    sessionAttendance: ({ auth, params }) => attendance.list(auth.user, params.sessionId),
    openAttendance: ({ auth, params, body }) =>
      attendance.open(auth.user, params.sessionId, body.lateAfterMinutes),
    closeAttendance: ({ auth, params }) => attendance.close(auth.user, params.windowId),
    attendanceSheet: ({ auth, params }) => attendance.sheet(auth.user, params.windowId),
    attendanceCsv: ({ auth, params }) => exports.window(auth.user, params.windowId),
    checkIn: ({ auth, body, address }) =>
      attendance.checkIn(auth.user, body.token, body.method, address),
    courseAttendance: ({ auth, params }) => attendance.courseHistory(auth.user, params.courseId),
    courseAttendanceCsv: ({ auth, params }) => exports.course(auth.user, params.courseId),
  };
}
