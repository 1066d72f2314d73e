import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type {
  Gradebook,
  GradebookCell,
  GradebookFilter,
  GradebookRow,
} from '../../../src-shared/schemas/gradebook';
import {
  assignmentAverage,
  cellStatus,
  filterGradebook,
  studentAverage,
} from '../../../src-shared/gradebook';
import { DomainError } from '../../domain-error';
import type { EnrolmentRecord, UserRecord } from '../../storage/records';
import { formerMember, toSummary } from '../accounts/views';
import { courseAccess } from '../access/course-access';
import type { DomainDeps } from '../deps';
import type { FileReply } from '../file-reply';
import { csvRow } from './csv';

/** The repositories the gradebook reads: each by course index, so other courses' data costs nothing. */
export const GRADEBOOK_REPOSITORIES = [
  'courses',
  'enrolments',
  'deadlines',
  'submissions',
  'grades',
  'users',
] as const;
type Deps = DomainDeps<(typeof GRADEBOOK_REPOSITORIES)[number]>;

const STATUS_WORDS = {
  assigned: 'Assigned',
  handedIn: 'Handed in',
  late: 'Late',
  graded: 'Graded',
  missing: 'Missing',
} as const;

/**
 * Students × assignments of one course in one reply. Four reads by course
 * (deadlines, enrolments, submissions, grades) and a user lookup per
 * student: the cost grows with this course only.
 */
export class GradebookService {
  constructor(private readonly deps: Deps) {}

  async grid(actor: UserRecord, courseId: CourseId): Promise<Gradebook> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    const manages = access.isTeacher || actor.isAdmin;
    if (!manages && !access.enrolment)
      throw new DomainError('FORBIDDEN', 'Enrol in this course to see your grades in it.');
    const { storage } = this.deps;
    const assignments = (await storage.deadlines.listForCourse(courseId))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
      .map((d) => ({ id: d.id, title: d.title, dueAt: d.dueAt, maxPoints: d.maxPoints }));
    const column = new Map(assignments.map((a, i) => [a.id as string, i]));
    const cells = new Map<UserId, GradebookCell[]>();
    const cellOf = (studentId: UserId, deadlineId: string) => {
      let row = cells.get(studentId);
      if (!row) {
        row = assignments.map(() => ({ submittedAt: null, gradedAt: null, points: null }));
        cells.set(studentId, row);
      }
      const i = column.get(deadlineId);
      return i === undefined ? undefined : row[i];
    };
    // Oldest first, so the latest version's time is the one that stays.
    for (const s of await storage.submissions.listForCourse(courseId)) {
      if (!manages && s.studentId !== actor.id) continue;
      const cell = cellOf(s.studentId, s.deadlineId);
      if (cell) cell.submittedAt = s.submittedAt;
    }
    for (const g of await storage.grades.listByCourse(courseId)) {
      if (!manages && g.studentId !== actor.id) continue;
      const cell = cellOf(g.studentId, g.deadlineId);
      if (cell) Object.assign(cell, { gradedAt: g.gradedAt, points: g.points });
    }
    const enrolments = manages
      ? await storage.enrolments.listForCourse(courseId)
      : [access.enrolment!];
    const rows: GradebookRow[] = [];
    for (const enrolment of enrolments) {
      const work = cells.get(enrolment.userId);
      if (!shown(enrolment, work)) continue;
      const student = (await storage.users.get(enrolment.userId)) ?? formerMember(enrolment.userId);
      rows.push({
        student: toSummary(student, actor),
        enrolment: enrolment.status,
        cells: work ?? assignments.map(() => ({ submittedAt: null, gradedAt: null, points: null })),
      });
    }
    rows.sort(
      (a, b) =>
        a.student.lastName.localeCompare(b.student.lastName) ||
        a.student.firstName.localeCompare(b.student.firstName),
    );
    return { courseId, assignments, rows, now: this.deps.now().toISOString() };
  }

  /** The grid as the teacher filtered it: a row per student, points or the status word per assignment, averages. */
  async csv(actor: UserRecord, courseId: CourseId, filter: GradebookFilter): Promise<FileReply> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    if (!access.isTeacher && !actor.isAdmin)
      throw new DomainError('FORBIDDEN', 'Only the course’s teacher can export its gradebook.');
    const book = await this.grid(actor, courseId);
    const now = this.deps.now();
    const rows = filterGradebook(book.assignments, book.rows, filter, now);
    const lines = [
      [
        'last name',
        'first name',
        'username',
        ...book.assignments.map((a) => `${a.title} (/${a.maxPoints})`),
        'average %',
      ],
    ];
    for (const row of rows) {
      lines.push([
        row.student.lastName,
        row.student.firstName,
        row.student.username,
        ...row.cells.map((cell, i) =>
          cell.points !== null
            ? String(cell.points)
            : STATUS_WORDS[cellStatus(book.assignments[i]!, cell, now)],
        ),
        String(studentAverage(book.assignments, row) ?? ''),
      ]);
    }
    lines.push([
      'average',
      '',
      '',
      ...book.assignments.map((_, i) => String(assignmentAverage(rows, i) ?? '')),
      '',
    ]);
    const text = lines.map(csvRow).join('\r\n') + '\r\n';
    return {
      kind: 'stream',
      contentType: 'text/csv; charset=utf-8',
      fileName: `${access.course.code}-gradebook.csv`,
      open: () => text,
    };
  }
}

/** Students who left without handing anything in are not part of the grid; those who did keep their row. */
function shown(enrolment: EnrolmentRecord, work: GradebookCell[] | undefined): boolean {
  return enrolment.status !== 'dropped' || work !== undefined;
}
