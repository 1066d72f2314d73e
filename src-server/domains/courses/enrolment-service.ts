import type { UserId } from '../../../src-shared/ids';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type { Course, CourseId, Enrolment } from '../../../src-shared/schemas/courses';
import { DomainError } from '../../domain-error';
import { UniqueViolation } from '../../storage/errors';
import type { CourseRecord, EnrolmentRecord, UserRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import { assertManages, courseAccess } from '../access/course-access';
import { teacherStudents, type StudentsQuery, type TeacherStudent } from './teacher-students';
import { toCourse, toEnrolment } from './views';
import { pageOfList } from '../paging';

export const ENROLMENT_REPOSITORIES = ['users', 'courses', 'enrolments'] as const;

/**
 * Who is in a course: a student enrolling (by the catalogue or a join code)
 * and dropping, and the teacher's control over their students. Capacity is
 * kept by the enrolments repository's atomic activateIfRoom, never by a
 * count followed by an insert.
 */
export class EnrolmentService {
  constructor(private readonly deps: DomainDeps<(typeof ENROLMENT_REPOSITORIES)[number]>) {}

  async enrol(actor: UserRecord, courseId: CourseId): Promise<Course> {
    const { storage, bus } = this.deps;
    if (actor.role !== 'student')
      throw new DomainError('FORBIDDEN', 'Only students enrol in courses.');
    const { course, enrolment } = await courseAccess(storage, actor, courseId);
    if (course.archived)
      throw new DomainError('CONFLICT', 'This course is archived and takes no new students.');
    if (enrolment?.status === 'blocked')
      throw new DomainError('FORBIDDEN', 'Your teacher has blocked you from this course.');
    if (enrolment?.status === 'active')
      throw new DomainError('CONFLICT', `You are already enrolled in ${course.code}.`);
    const now = this.deps.now().toISOString();
    const record: EnrolmentRecord = {
      id: '',
      courseId,
      userId: actor.id,
      status: 'active',
      enrolledAt: now,
      updatedAt: now,
    };
    try {
      if (!(await storage.enrolments.activateIfRoom(record, course.capacity))) {
        throw new DomainError(
          'CONFLICT',
          `This course is full: all ${course.capacity} places are taken.`,
        );
      }
    } catch (error) {
      if (error instanceof UniqueViolation)
        throw new DomainError('CONFLICT', `You are already enrolled in ${course.code}.`);
      throw error;
    }
    bus.publish('enrolment.created', { enrolment: record, course });
    return toCourse(storage, course, actor);
  }

  async joinByCode(actor: UserRecord, code: string): Promise<Course> {
    const course = await this.deps.storage.courses.findByJoinCode(code.replace(/[\s-]/g, ''));
    if (!course)
      throw new DomainError(
        'NOT_FOUND',
        'No course has this join code. Check it with your teacher.',
      );
    return this.enrol(actor, course.id);
  }

  async drop(actor: UserRecord, courseId: CourseId): Promise<Course> {
    const { course, enrolment } = await courseAccess(this.deps.storage, actor, courseId);
    if (enrolment?.status !== 'active')
      throw new DomainError('CONFLICT', 'You are not enrolled in this course.');
    await this.changeStatus(actor, course, enrolment, 'dropped');
    return toCourse(this.deps.storage, course, actor);
  }

  async enrolments(
    actor: UserRecord,
    courseId: CourseId,
    query: PageQuery,
  ): Promise<Page<Enrolment>> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    assertManages(actor, access, 'see its student list');
    const all = await this.deps.storage.enrolments.listForCourse(courseId);
    return pageOfList(all, query, (e) => toEnrolment(this.deps.storage, e, access.course, actor));
  }

  async setStatus(
    actor: UserRecord,
    courseId: CourseId,
    userId: UserId,
    status: 'active' | 'blocked' | 'completed',
  ): Promise<Enrolment> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    assertManages(actor, access, 'manage its students');
    const enrolment = await this.deps.storage.enrolments.get(courseId, userId);
    if (!enrolment)
      throw new DomainError('NOT_FOUND', 'This student is not enrolled in the course.');
    if (
      status === 'active' &&
      enrolment.status !== 'active' &&
      (await this.deps.storage.enrolments.countActive(courseId)) >= access.course.capacity
    ) {
      throw new DomainError(
        'CONFLICT',
        `The course is full: all ${access.course.capacity} places are taken.`,
      );
    }
    const updated = await this.changeStatus(actor, access.course, enrolment, status);
    return toEnrolment(this.deps.storage, updated, access.course, actor);
  }

  async remove(actor: UserRecord, courseId: CourseId, userId: UserId): Promise<void> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    assertManages(actor, access, 'remove students');
    const enrolment = await this.deps.storage.enrolments.get(courseId, userId);
    if (!enrolment)
      throw new DomainError('NOT_FOUND', 'This student is not enrolled in the course.');
    await this.deps.storage.enrolments.delete(courseId, userId);
    this.deps.bus.publish('enrolment.removed', {
      enrolment,
      course: access.course,
      actorId: actor.id,
    });
  }

  /** Every student of a teacher once, with their enrolments in the teacher's courses. */
  myStudents(actor: UserRecord, query: StudentsQuery): Promise<Page<TeacherStudent>> {
    return teacherStudents(this.deps.storage, actor, query);
  }

  private async changeStatus(
    actor: UserRecord,
    course: CourseRecord,
    previous: EnrolmentRecord,
    status: EnrolmentRecord['status'],
  ): Promise<EnrolmentRecord> {
    const enrolment = await this.deps.storage.enrolments.update(
      course.id,
      previous.userId,
      (e) => ({ ...e, status, updatedAt: this.deps.now().toISOString() }),
    );
    if (!enrolment)
      throw new DomainError('NOT_FOUND', 'This student is not enrolled in the course.');
    if (previous.status !== status)
      this.deps.bus.publish('enrolment.changed', {
        enrolment,
        previous,
        course,
        actorId: actor.id,
      });
    return enrolment;
  }
}
