import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Page } from '../../../src-shared/pagination';
import type {
  Course,
  CourseId,
  CourseCodeAvailability,
  catalogueQuerySchema,
  createCourseRequestSchema,
  updateCourseRequestSchema,
} from '../../../src-shared/schemas/courses';
import { DomainError, fieldError } from '../../domain-error';
import { UniqueViolation } from '../../storage/errors';
import type { CourseRecord, UserRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import { assertManages, courseAccess } from '../access/course-access';
import { courseCatalogue } from './course-catalogue';
import { codeTaken, courseCodeAvailability, newJoinCode, nextCourseCode } from './course-codes';
import { toCourse } from './views';

type CreateCourse = z.output<typeof createCourseRequestSchema>;
type UpdateCourse = z.output<typeof updateCourseRequestSchema>;
type CatalogueQuery = z.output<typeof catalogueQuerySchema>;

export const COURSE_REPOSITORIES = ['users', 'courses', 'enrolments'] as const;

function assertMayCreate(actor: UserRecord): void {
  if (actor.role !== 'teacher' && !actor.isAdmin)
    throw new DomainError('FORBIDDEN', 'Only teachers can create courses.');
}

/**
 * Courses themselves: the catalogue, creating one with its codes, editing
 * it. Who is in a course is enrolment-service.ts.
 */
export class CourseService {
  constructor(private readonly deps: DomainDeps<(typeof COURSE_REPOSITORIES)[number]>) {}

  catalogue(actor: UserRecord, query: CatalogueQuery): Promise<Page<Course>> {
    return courseCatalogue(this.deps.storage, actor, query);
  }

  async create(actor: UserRecord, input: CreateCourse): Promise<Course> {
    assertMayCreate(actor);
    const now = this.deps.now().toISOString();
    for (let attempt = 0; ; attempt++) {
      const code = input.code ?? (await nextCourseCode(this.deps.storage, input.codePrefix));
      try {
        const course = await this.deps.storage.courses.insert({
          id: randomUUID() as CourseId,
          code,
          title: input.title,
          description: input.description,
          capacity: input.capacity,
          teacherId: actor.id,
          joinCode: newJoinCode(),
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
    return courseCodeAvailability(this.deps.storage, raw);
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
    return this.save(actor, courseId, (c) => ({ ...c, joinCode: newJoinCode() }));
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
}
