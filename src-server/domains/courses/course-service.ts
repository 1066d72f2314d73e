import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { UserId } from '../../../src-shared/ids';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type {
  Course,
  CourseId,
  Enrolment,
  CourseCodeAvailability,
  catalogueQuerySchema,
  createCourseRequestSchema,
  updateCourseRequestSchema,
} from '../../../src-shared/schemas/courses';
import { courseCodeSchema } from '../../../src-shared/schemas/courses';
import { DomainError, fieldError } from '../../domain-error';
import { UniqueViolation } from '../../storage/errors';
import type { CourseRecord, EnrolmentRecord, UserRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import { newJoinToken } from '../sessions/join-token';
import { assertManages, courseAccess } from '../access/course-access';
import { teacherStudents, type StudentsQuery, type TeacherStudent } from './teacher-students';
import { toCourse, toEnrolment } from './views';
import { pageOfList } from '../paging';

type CreateCourse = z.output<typeof createCourseRequestSchema>;
type UpdateCourse = z.output<typeof updateCourseRequestSchema>;
type CatalogueQuery = z.output<typeof catalogueQuerySchema>;

/** Course codes start at 101 per prefix, like a university catalogue. */
const FIRST_CODE_NUMBER = 101;

export const COURSE_REPOSITORIES = ['users', 'courses', 'enrolments'] as const;

function assertMayCreate(actor: UserRecord): void {
  if (actor.role !== 'teacher' && !actor.isAdmin)
    throw new DomainError('FORBIDDEN', 'Only teachers can create courses.');
}

function codeTaken(code: string): DomainError {
  return fieldError(
    'code',
    `The course code ${code} is already taken; choose another or leave it empty for an automatic one.`,
    'CONFLICT',
  );
}

/** Courses and enrolment: the catalogue, codes, capacity, and the teacher's control over students. */
export class CourseService {
  constructor(private readonly deps: DomainDeps<(typeof COURSE_REPOSITORIES)[number]>) {}

  async catalogue(actor: UserRecord, query: CatalogueQuery): Promise<Page<Course>> {
    const { storage } = this.deps;
    let courses: CourseRecord[];
    if (query.scope === 'mine') {
      const taught = await storage.courses.listForTeacher(actor.id);
      const enrolled = (await storage.enrolments.listForUser(actor.id)).filter(
        (e) => e.status !== 'dropped',
      );
      const joined = (
        await Promise.all(enrolled.map((e) => storage.courses.get(e.courseId)))
      ).filter((c) => c !== undefined);
      courses = [...taught, ...joined].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    } else
      courses = query.teacherId
        ? (await storage.courses.listForTeacher(query.teacherId)).reverse()
        : await storage.courses.all();
    courses = courses.filter((c) =>
      query.archived === undefined
        ? query.scope === 'mine' || !c.archived
        : c.archived === query.archived,
    );
    const words = query.q?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    const matches: CourseRecord[] = [];
    for (const course of courses) {
      if (words.length > 0) {
        const teacher = await storage.users.get(course.teacherId);
        const text =
          `${course.code} ${course.title} ${course.description} ${teacher?.firstName ?? ''} ${teacher?.lastName ?? ''}`.toLowerCase();
        if (!words.every((w) => text.includes(w))) continue;
      }
      if (query.availability) {
        const full = (await storage.enrolments.countActive(course.id)) >= course.capacity;
        if (full !== (query.availability === 'full')) continue;
      }
      matches.push(course);
    }
    return pageOfList(matches, query, (c) => toCourse(storage, c, actor));
  }

  async create(actor: UserRecord, input: CreateCourse): Promise<Course> {
    assertMayCreate(actor);
    const now = this.deps.now().toISOString();
    for (let attempt = 0; ; attempt++) {
      const code = input.code ?? (await this.nextCode(input.codePrefix));
      try {
        const course = await this.deps.storage.courses.insert({
          id: randomUUID() as CourseId,
          code,
          title: input.title,
          description: input.description,
          capacity: input.capacity,
          teacherId: actor.id,
          joinCode: newJoinToken().slice(0, 7),
          archived: false,
          createdAt: now,
          updatedAt: now,
        });
        this.deps.bus.publish('course.created', { course });
        return toCourse(this.deps.storage, course, actor);
      } catch (error) {
        if (!(error instanceof UniqueViolation)) throw error;
        // A chosen code is the teacher's word: never silently swap it for another.
        if (input.code !== undefined && error.key === 'code') throw codeTaken(code);
        // Two automatic codes picked at the same instant: the loser takes the next one.
        if (attempt >= 20) throw error;
      }
    }
  }

  /** The live check behind the create dialog; the insert stays the real guard. */
  async codeAvailability(actor: UserRecord, raw: string): Promise<CourseCodeAvailability> {
    assertMayCreate(actor);
    const parsed = courseCodeSchema.safeParse(raw);
    if (!parsed.success)
      return {
        code: raw.trim().toUpperCase(),
        available: false,
        message: parsed.error.issues[0]!.message,
      };
    const code = parsed.data;
    if (await this.deps.storage.courses.findByCode(code))
      return { code, available: false, message: codeTaken(code).message };
    return { code, available: true, message: `${code} is free.` };
  }

  async get(actor: UserRecord, courseId: CourseId): Promise<Course> {
    const { course } = await courseAccess(this.deps.storage, actor, courseId);
    return toCourse(this.deps.storage, course, actor);
  }

  async update(actor: UserRecord, courseId: CourseId, patch: UpdateCourse): Promise<Course> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    assertManages(actor, access, 'edit it');
    if (
      patch.capacity !== undefined &&
      patch.capacity < (await this.deps.storage.enrolments.countActive(courseId))
    ) {
      throw fieldError(
        'capacity',
        'More students are enrolled than this capacity; remove some first or choose a larger number.',
      );
    }
    return this.save(actor, courseId, (c) => ({ ...c, ...patch }));
  }

  async regenerateJoinCode(actor: UserRecord, courseId: CourseId): Promise<Course> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    assertManages(actor, access, 'change the join code');
    return this.save(actor, courseId, (c) => ({ ...c, joinCode: newJoinToken().slice(0, 7) }));
  }

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

  private async save(
    actor: UserRecord,
    courseId: CourseId,
    change: (c: CourseRecord) => CourseRecord,
  ): Promise<Course> {
    const course = await this.deps.storage.courses.update(courseId, (c) => ({
      ...change(c),
      updatedAt: this.deps.now().toISOString(),
    }));
    if (!course) throw new DomainError('NOT_FOUND', 'This course does not exist.');
    this.deps.bus.publish('course.updated', { course });
    return toCourse(this.deps.storage, course, actor);
  }

  private async nextCode(prefix: string): Promise<string> {
    const numbers = (await this.deps.storage.courses.codesWithPrefix(prefix)).map((code) =>
      Number.parseInt(code.slice(prefix.length), 10),
    );
    return `${prefix}${Math.max(FIRST_CODE_NUMBER - 1, ...numbers.filter(Number.isFinite)) + 1}`;
  }
}
