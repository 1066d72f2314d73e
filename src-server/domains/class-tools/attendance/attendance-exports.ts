import type { AttendanceWindowId } from '../../../../src-shared/schemas/class-tools/attendance';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import type { UserRecord } from '../../../storage/records';
import { assertReadsAll } from '../../access/class-tools-access';
import { csvRow } from '../../courses/csv';
import type { FileReply } from '../../file-reply';
import type { AttendanceRow } from '../../../../src-shared/schemas/class-tools/attendance';
import type { AttendanceService } from './attendance-service';

const HEADER = [
  'date',
  'session',
  'last name',
  'first name',
  'username',
  'status',
  'checked in at',
  'method',
];

/** Attendance as CSV: one window, or a course's whole history (a row per student per window). */
export class AttendanceExports {
  constructor(private readonly attendance: AttendanceService) {}

  async window(actor: UserRecord, windowId: AttendanceWindowId): Promise<FileReply> {
    const { window, access } = await this.attendance.load(actor, windowId);
    assertReadsAll(access, 'who checked in');
    const sheet = await this.attendance.sheet(actor, window.id);
    const lines = rowsOf(window.openedAt, access.session.title, sheet.rows);
    return csvReply(`attendance-${window.openedAt.slice(0, 10)}.csv`, lines);
  }

  async course(actor: UserRecord, courseId: CourseId): Promise<FileReply> {
    const course = await this.attendance.assertCourseStaff(actor, courseId);
    const windows = await this.attendance.courseHistory(actor, courseId);
    const lines: string[][] = [];
    for (const window of [...windows].reverse()) {
      const sheet = await this.attendance.sheet(actor, window.id);
      const session = await this.attendance.sessionOf(window.sessionId);
      lines.push(...rowsOf(window.openedAt, session?.title ?? '', sheet.rows));
    }
    return csvReply(`${course.code}-attendance.csv`, lines);
  }
}

function rowsOf(
  openedAt: string,
  sessionTitle: string,
  rows: readonly AttendanceRow[],
): string[][] {
  return rows.map((row) => [
    openedAt,
    sessionTitle,
    row.student.lastName,
    row.student.firstName,
    row.student.username,
    row.status,
    row.checkedInAt ?? '',
    row.method ?? '',
  ]);
}

function csvReply(fileName: string, rows: string[][]): FileReply {
  const text = [HEADER, ...rows].map(csvRow).join('\r\n') + '\r\n';
  return { kind: 'stream', contentType: 'text/csv; charset=utf-8', fileName, open: () => text };
}
