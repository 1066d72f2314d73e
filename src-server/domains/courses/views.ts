import type { Actor } from '../../../src-shared/permissions';
import type { Course, Enrolment } from '../../../src-shared/schemas/courses';
import type { CourseRecord, EnrolmentRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';
import { formerMember, toSummary } from '../accounts/views';

export async function toCourse(
  storage: Storage,
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
  storage: Storage,
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
