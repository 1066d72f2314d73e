import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { CollectionDefinition, DocumentCollection } from '../document-collection';
import { deleteListed } from './delete-listed';
import {
  courseRecordSchema,
  deadlineRecordSchema,
  enrolmentRecordSchema,
  materialRecordSchema,
} from '../record-schemas';
import type { CourseRecord, DeadlineRecord, EnrolmentRecord, MaterialRecord } from '../records';
import type {
  CourseItemsRepository,
  CoursesRepository,
  EnrolmentsRepository,
  Window,
} from '../repositories';

const prefixOf = (code: string) => /^[A-Z]+/.exec(code)?.[0] ?? '';

export const coursesCollectionOptions: CollectionDefinition<CourseRecord> = {
  name: 'courses',
  schema: courseRecordSchema,
  unique: {
    code: (course) => course.code,
    joinCode: (course) => course.joinCode,
  },
  indexes: {
    teacher: (course) => course.teacherId,
    prefix: (course) => prefixOf(course.code),
  },
};

/** A course marked deleted reads as gone everywhere while its parts are removed. */
const live = (course: CourseRecord | undefined) => (course?.deletedAt ? undefined : course);

/** Courses on either engine; course and join codes are unique keys the engine enforces. */
export class DocumentCoursesRepository implements CoursesRepository {
  constructor(private readonly courses: DocumentCollection<CourseRecord>) {}
  async get(id: CourseId) {
    return live(await this.courses.get(id));
  }
  async findByJoinCode(code: string) {
    return live(await this.courses.getByUnique('joinCode', code));
  }
  async findByCode(code: string) {
    return live(await this.courses.getByUnique('code', code));
  }
  async all() {
    return [...(await this.courses.values())].filter((c) => !c.deletedAt).reverse();
  }
  async listForTeacher(teacherId: UserId) {
    return (await this.courses.listByIndex('teacher', teacherId)).filter((c) => !c.deletedAt);
  }
  async codesWithPrefix(prefix: string) {
    return (await this.courses.listByIndex('prefix', prefix)).map((course) => course.code);
  }
  async insert(course: CourseRecord) {
    return this.courses.insert(course);
  }
  /** A course being deleted is never edited back to life. */
  async update(id: CourseId, change: (current: CourseRecord) => CourseRecord) {
    let gone = false;
    const after = await this.courses.update(id, (current) => {
      gone = Boolean(current.deletedAt);
      return gone ? current : change(current);
    });
    return gone ? undefined : after;
  }
  async markDeleted(id: CourseId, at: string) {
    return this.courses.update(id, (current) => ({
      ...current,
      deletedAt: current.deletedAt ?? at,
    }));
  }
  async listMarkedDeleted() {
    return [...(await this.courses.values())].filter((c) => c.deletedAt !== undefined);
  }
  async delete(id: CourseId) {
    return this.courses.delete(id);
  }
}

const enrolmentId = (courseId: CourseId, userId: UserId) => `${courseId}:${userId}`;

export const enrolmentsCollectionOptions: CollectionDefinition<EnrolmentRecord> = {
  name: 'enrolments',
  schema: enrolmentRecordSchema,
  indexes: {
    course: (e) => e.courseId,
    user: (e) => e.userId,
    activeInCourse: (e) => (e.status === 'active' ? e.courseId : undefined),
  },
};

export class DocumentEnrolmentsRepository implements EnrolmentsRepository {
  constructor(private readonly enrolments: DocumentCollection<EnrolmentRecord>) {}
  async get(courseId: CourseId, userId: UserId) {
    return this.enrolments.get(enrolmentId(courseId, userId));
  }
  async listForCourse(courseId: CourseId) {
    return this.enrolments.listByIndex('course', courseId);
  }
  async listForUser(userId: UserId) {
    return this.enrolments.listByIndex('user', userId);
  }
  async pageAll(window: Window, matches?: (record: EnrolmentRecord) => boolean) {
    return this.enrolments.newestFirst(window, matches);
  }
  async countActive(courseId: CourseId) {
    return this.enrolments.countByIndex('activeInCourse', courseId);
  }

  /** The engine counts the course's active seats and writes in one step (a lock on PostgreSQL). */
  async activateIfRoom(enrolment: EnrolmentRecord, capacity: number): Promise<boolean> {
    const id = enrolmentId(enrolment.courseId, enrolment.userId);
    return this.enrolments.insertOrUpdateIfCountBelow(
      'activeInCourse',
      enrolment.courseId,
      capacity,
      { ...enrolment, id },
      // An already active enrolment is a duplicate, not a second seat.
      (existing) => existing.status !== 'active',
    );
  }

  async update(
    courseId: CourseId,
    userId: UserId,
    change: (current: EnrolmentRecord) => EnrolmentRecord,
  ) {
    return this.enrolments.update(enrolmentId(courseId, userId), change);
  }
  async delete(courseId: CourseId, userId: UserId) {
    return this.enrolments.delete(enrolmentId(courseId, userId));
  }
  async deleteForUser(userId: UserId) {
    return deleteListed(this.enrolments, 'user', userId);
  }
  async deleteForCourse(courseId: CourseId) {
    return deleteListed(this.enrolments, 'course', courseId);
  }
}

export const materialsCollectionOptions: CollectionDefinition<MaterialRecord> = {
  name: 'materials',
  schema: materialRecordSchema,
  indexes: { course: (m) => m.courseId },
};
export const deadlinesCollectionOptions: CollectionDefinition<DeadlineRecord> = {
  name: 'deadlines',
  schema: deadlineRecordSchema,
  indexes: { course: (d) => d.courseId },
};

/** Materials and deadlines: indexed by course. */
export class DocumentCourseItemsRepository<
  T extends { id: string; courseId: CourseId },
> implements CourseItemsRepository<T> {
  constructor(private readonly items: DocumentCollection<T>) {}
  async get(id: T['id']) {
    return this.items.get(id);
  }
  async listForCourse(courseId: CourseId) {
    return this.items.listByIndex('course', courseId);
  }
  async pageAll(window: Window, matches?: (record: T) => boolean) {
    return this.items.newestFirst(window, matches);
  }
  async insert(item: T) {
    return this.items.insert(item);
  }
  async update(id: T['id'], change: (current: T) => T) {
    return this.items.update(id, change);
  }
  async delete(id: T['id']) {
    return this.items.delete(id);
  }
  async deleteForCourse(courseId: CourseId) {
    return deleteListed(this.items, 'course', courseId);
  }
}
