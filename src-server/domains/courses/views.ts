import type { Actor } from '../../../src-shared/permissions';
import type { Course, Enrolment, Material } from '../../../src-shared/schemas/courses';
import type { Deadline } from '../../../src-shared/schemas/deadlines';
import type {
  CourseRecord,
  DeadlineRecord,
  EnrolmentRecord,
  MaterialRecord,
} from '../../storage/records';
import type { Storage } from '../../storage/repositories';
import { formerMember, toSummary } from '../accounts/views';
import { toStoredFile } from '../files/routes';

export async function toCourse(
  storage: Pick<Storage, 'users' | 'enrolments'>,
  course: CourseRecord,
  viewer: Actor & { id: string },
): Promise<Course> {
  const teacher = (await storage.users.get(course.teacherId)) ?? formerMember(course.teacherId);
  const mine = await storage.enrolments.get(course.id, viewer.id as never);
  const manages = viewer.isAdmin || course.teacherId === viewer.id;
  return {
    id: course.id,
    code: course.code,
    title: course.title,
    description: course.description,
    capacity: course.capacity,
    enrolledCount: await storage.enrolments.countActive(course.id),
    teacher: toSummary(teacher, viewer),
    archived: course.archived,
    ...(manages ? { joinCode: course.joinCode } : {}),
    myEnrolment: mine ? { status: mine.status, enrolledAt: mine.enrolledAt } : null,
    createdAt: course.createdAt,
  };
}

export async function toEnrolment(
  storage: Pick<Storage, 'users' | 'enrolments'>,
  enrolment: EnrolmentRecord,
  course: CourseRecord,
  viewer: Actor,
): Promise<Enrolment> {
  const student = (await storage.users.get(enrolment.userId)) ?? formerMember(enrolment.userId);
  return {
    courseId: course.id,
    courseCode: course.code,
    student: toSummary(student, viewer),
    status: enrolment.status,
    enrolledAt: enrolment.enrolledAt,
  };
}

export const toMaterial = (m: MaterialRecord): Material => ({
  id: m.id,
  courseId: m.courseId,
  title: m.title,
  file: toStoredFile(m.file),
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});
export const toDeadline = (d: DeadlineRecord): Deadline => ({
  id: d.id,
  courseId: d.courseId,
  title: d.title,
  description: d.description,
  dueAt: d.dueAt,
  maxPoints: d.maxPoints,
  acceptLate: d.acceptLate,
  materials: (d.materials ?? []).map((m) => ({
    id: m.id,
    title: m.title,
    file: toStoredFile(m.file),
  })),
  createdAt: d.createdAt,
});
