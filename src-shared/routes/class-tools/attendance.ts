import { z } from 'zod';
import { route } from '../../api-route';
import {
  attendanceSheetSchema,
  attendanceWindowParamsSchema,
  attendanceWindowSchema,
  checkInRequestSchema,
  checkInResultSchema,
  openAttendanceRequestSchema,
} from '../../schemas/class-tools/attendance';
import { courseParamsSchema } from '../../schemas/courses';
import { sessionParamsSchema } from '../../schemas/sessions';

const tag = 'class-tools';

/** Attendance: a check-in window, check-in by session token or QR link, history per course. */
export const attendanceRoutes = {
  sessionAttendance: route({
    method: 'get',
    path: '/sessions/:sessionId/attendance',
    tag,
    auth: 'user',
    summary:
      'The session’s check-in windows, newest first, with counts and the viewer’s own check-in',
    params: sessionParamsSchema,
    response: z.array(attendanceWindowSchema),
  }),
  openAttendance: route({
    method: 'post',
    path: '/sessions/:sessionId/attendance',
    tag,
    auth: 'user',
    successStatus: 201,
    summary: 'Open a check-in window (host); one open window per session',
    params: sessionParamsSchema,
    body: openAttendanceRequestSchema,
    response: attendanceWindowSchema,
  }),
  closeAttendance: route({
    method: 'post',
    path: '/attendance/:windowId/close',
    tag,
    auth: 'user',
    summary: 'Close the check-in window (host); whoever has not checked in is absent',
    params: attendanceWindowParamsSchema,
    response: attendanceWindowSchema,
  }),
  attendanceSheet: route({
    method: 'get',
    path: '/attendance/:windowId',
    tag,
    auth: 'user',
    summary: 'Present, late or absent for each student with times (host and admins)',
    params: attendanceWindowParamsSchema,
    response: attendanceSheetSchema,
  }),
  attendanceCsv: route({
    method: 'get',
    path: '/attendance/:windowId/attendance.csv',
    tag,
    auth: 'user',
    summary: 'One window’s attendance as CSV (host and admins)',
    params: attendanceWindowParamsSchema,
    response: 'file',
  }),
  checkIn: route({
    method: 'post',
    path: '/attendance/check-in',
    tag,
    auth: 'user',
    summary: 'Check in with the session token (typed, or from the QR code’s link)',
    description:
      'Joins the session first if you are not in it yet (the same rules as joining). No open window: 409; wrong token: 404 (guessing is rate-limited, 429). Checking in again answers the first check-in.',
    body: checkInRequestSchema,
    response: checkInResultSchema,
  }),
  courseAttendance: route({
    method: 'get',
    path: '/courses/:courseId/attendance',
    tag,
    auth: 'user',
    summary: 'Every check-in window of the course’s sessions, newest first (teacher and admins)',
    params: courseParamsSchema,
    response: z.array(attendanceWindowSchema),
  }),
  courseAttendanceCsv: route({
    method: 'get',
    path: '/courses/:courseId/attendance.csv',
    tag,
    auth: 'user',
    summary:
      'The course’s attendance history as CSV: a row per student per window (teacher and admins)',
    params: courseParamsSchema,
    response: 'file',
  }),
} as const;
