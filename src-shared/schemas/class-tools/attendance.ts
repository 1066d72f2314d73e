import { z } from 'zod';
import { userSummarySchema } from '../accounts';
import { courseIdSchema } from '../courses';
import { joinTokenInputSchema, sessionIdSchema } from '../sessions';

export const attendanceWindowIdSchema = z.string().min(1).max(64).brand<'AttendanceWindowId'>();
export type AttendanceWindowId = z.infer<typeof attendanceWindowIdSchema>;

export const MAX_LATE_AFTER_MINUTES = 240;

export const openAttendanceRequestSchema = z
  .object({
    lateAfterMinutes: z
      .number()
      .int()
      .min(0, 'Late after 0 minutes or more.')
      .max(MAX_LATE_AFTER_MINUTES, `At most ${MAX_LATE_AFTER_MINUTES} minutes.`)
      .default(10)
      .meta({
        description: 'A check-in this many minutes after the window opened counts as late.',
      }),
  })
  .meta({ id: 'OpenAttendanceRequest' });

export const checkInMethodSchema = z.enum(['token', 'link']).meta({ id: 'CheckInMethod' });
export type CheckInMethod = z.infer<typeof checkInMethodSchema>;

export const checkInRequestSchema = z
  .object({
    token: joinTokenInputSchema,
    method: checkInMethodSchema.default('token'),
  })
  .meta({ id: 'CheckInRequest' });

export const attendanceStatusSchema = z
  .enum(['present', 'late', 'absent'])
  .meta({ id: 'AttendanceStatus' });
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

export const attendanceWindowSchema = z
  .object({
    id: attendanceWindowIdSchema,
    sessionId: sessionIdSchema,
    courseId: courseIdSchema.nullable(),
    openedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    lateAfterMinutes: z.number().int(),
    /** Present, late and absent among the roster (the course's active students, or the session's members). */
    counts: z
      .object({
        present: z.number().int(),
        late: z.number().int(),
        absent: z.number().int(),
      })
      .nullable()
      .meta({ description: 'The host and admins only.' }),
    /** The viewer's own check-in (students). */
    mine: z
      .object({ status: attendanceStatusSchema, checkedInAt: z.iso.datetime().nullable() })
      .nullable(),
  })
  .meta({ id: 'AttendanceWindow' });
export type AttendanceWindow = z.infer<typeof attendanceWindowSchema>;

export const attendanceRowSchema = z
  .object({
    student: userSummarySchema,
    status: attendanceStatusSchema,
    checkedInAt: z.iso.datetime().nullable(),
    method: checkInMethodSchema.nullable(),
  })
  .meta({ id: 'AttendanceRow' });
export type AttendanceRow = z.infer<typeof attendanceRowSchema>;

export const attendanceSheetSchema = z
  .object({ window: attendanceWindowSchema, rows: z.array(attendanceRowSchema) })
  .meta({ id: 'AttendanceSheet' });
export type AttendanceSheet = z.infer<typeof attendanceSheetSchema>;

export const checkInResultSchema = z
  .object({
    sessionId: sessionIdSchema,
    status: attendanceStatusSchema,
    checkedInAt: z.iso.datetime(),
    sessionTitle: z.string(),
  })
  .meta({ id: 'CheckInResult' });
export type CheckInResult = z.infer<typeof checkInResultSchema>;

export const attendanceWindowParamsSchema = z.object({ windowId: attendanceWindowIdSchema });

/** A check-in counts as late once `lateAfterMinutes` have passed since the window opened. */
export function checkInStatus(
  window: { openedAt: string; lateAfterMinutes: number },
  checkedInAt: string,
): 'present' | 'late' {
  const lateFrom = Date.parse(window.openedAt) + window.lateAfterMinutes * 60_000;
  return Date.parse(checkedInAt) > lateFrom ? 'late' : 'present';
}

/** The link a QR code carries: opening it in a signed-in browser checks the person in. */
export function checkInPath(token: string): string {
  return `/check-in?token=${encodeURIComponent(token)}`;
}
