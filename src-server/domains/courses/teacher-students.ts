import type { z } from 'zod';
import type { UserId } from '../../../src-shared/ids';
import type { Page } from '../../../src-shared/pagination';
import type {
  teacherStudentsQuerySchema,
  teacherStudentSchema,
} from '../../../src-shared/schemas/courses';
import { DomainError } from '../../domain-error';
import type { UserRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';
import { toSummary } from '../accounts/views';
import { pageOfList } from '../paging';

export type StudentsQuery = z.output<typeof teacherStudentsQuerySchema>;
export type TeacherStudent = z.output<typeof teacherStudentSchema>;

/**
 * A teacher's students across their courses ("All courses"), each once with
 * every enrolment in the teacher's courses; filtered by course, status and name.
 */
export async function teacherStudents(
  storage: Pick<Storage, 'users' | 'courses' | 'enrolments'>,
  actor: UserRecord,
  query: StudentsQuery,
): Promise<Page<TeacherStudent>> {
  if (actor.role !== 'teacher' && !actor.isAdmin)
    throw new DomainError('FORBIDDEN', 'Only teachers have a student list.');
  const courses = (await storage.courses.listForTeacher(actor.id)).filter(
    (c) => !query.courseId || c.id === query.courseId,
  );
  const byStudent = new Map<UserId, TeacherStudent['enrolments']>();
  for (const course of courses) {
    for (const e of await storage.enrolments.listForCourse(course.id)) {
      if (query.status && e.status !== query.status) continue;
      const list = byStudent.get(e.userId) ?? [];
      list.push({
        courseId: course.id,
        courseCode: course.code,
        courseTitle: course.title,
        status: e.status,
      });
      byStudent.set(e.userId, list);
    }
  }
  const words = query.q?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
  const rows: TeacherStudent[] = [];
  for (const [userId, enrolments] of byStudent) {
    const student = await storage.users.get(userId);
    if (!student) continue;
    const text =
      `${student.username} ${student.firstName} ${student.lastName} ${student.email}`.toLowerCase();
    if (words.every((w) => text.includes(w)))
      rows.push({ student: toSummary(student, actor), enrolments });
  }
  rows.sort(
    (a, b) =>
      a.student.lastName.localeCompare(b.student.lastName) ||
      a.student.firstName.localeCompare(b.student.firstName),
  );
  return pageOfList(rows, query);
}
