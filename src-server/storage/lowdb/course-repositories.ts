import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import { UniqueViolation } from '../errors';
import type { CourseRecord, EnrolmentRecord } from '../records';
import type {
  CourseItemsRepository,
  CoursesRepository,
  EnrolmentsRepository,
  Window,
} from '../repositories';
import type { LowdbCollection } from './collection';
import {
  courseRecordSchema,
  enrolmentRecordSchema,
  materialRecordSchema,
  deadlineRecordSchema,
} from '../record-schemas';

const prefixOf = (code: string) => /^[A-Z]+/.exec(code)?.[0] ?? '';

export const coursesCollectionOptions = {
  name: 'courses',
  schema: courseRecordSchema,
  unique: {
    code: (course: CourseRecord) => course.code,
    joinCode: (course: CourseRecord) => course.joinCode,
  },
  indexes: {
    teacher: (course: CourseRecord) => course.teacherId,
    prefix: (course: CourseRecord) => prefixOf(course.code),
  },
};

export class LowdbCoursesRepository implements CoursesRepository {
  constructor(private readonly courses: LowdbCollection<CourseRecord>) {}
  async get(id: CourseId) {
    return this.courses.get(id);
  }
  async findByJoinCode(code: string) {
    return this.courses.getByUnique('joinCode', code);
  }
  async findByCode(code: string) {
    return this.courses.getByUnique('code', code);
  }
  async all() {
    return [...this.courses.values()].reverse();
  }
  async listForTeacher(teacherId: UserId) {
    return this.courses.listByIndex('teacher', teacherId);
  }
  async codesWithPrefix(prefix: string) {
    return this.courses.listByIndex('prefix', prefix).map((course) => course.code);
  }
  async insert(course: CourseRecord) {
    return this.courses.insert(course);
  }
  async update(id: CourseId, change: (current: CourseRecord) => CourseRecord) {
    return this.courses.update(id, change);
  }
}

const enrolmentId = (courseId: CourseId, userId: UserId) => `${courseId}:${userId}`;

export const enrolmentsCollectionOptions = {
  name: 'enrolments',
  schema: enrolmentRecordSchema,
  indexes: {
    course: (e: EnrolmentRecord) => e.courseId,
    user: (e: EnrolmentRecord) => e.userId,
    activeInCourse: (e: EnrolmentRecord) => (e.status === 'active' ? e.courseId : undefined),
  },
};

export class LowdbEnrolmentsRepository implements EnrolmentsRepository {
  constructor(private readonly enrolments: LowdbCollection<EnrolmentRecord>) {}
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

  async activateIfRoom(enrolment: EnrolmentRecord, capacity: number): Promise<boolean> {
    // Count and write with no await in between: no other request can take the seat meanwhile.
    if (this.enrolments.countByIndex('activeInCourse', enrolment.courseId) >= capacity)
      return false;
    const id = enrolmentId(enrolment.courseId, enrolment.userId);
    const existing = this.enrolments.get(id);
    if (existing?.status === 'active') throw new UniqueViolation('enrolments', 'id');
    const write = existing
      ? this.enrolments.update(id, () => ({ ...enrolment, id }))
      : this.enrolments.insert({ ...enrolment, id });
    await write;
    return true;
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
    return this.enrolments.deleteMany(this.enrolments.listByIndex('user', userId).map((e) => e.id));
  }
}

export const materialsCollectionOptions = {
  name: 'materials',
  schema: materialRecordSchema,
  indexes: { course: (m: { courseId: string }) => m.courseId },
};
export const deadlinesCollectionOptions = {
  name: 'deadlines',
  schema: deadlineRecordSchema,
  indexes: { course: (d: { courseId: string }) => d.courseId },
};

/** Materials and deadlines: one file each, indexed by course. */
export class LowdbCourseItemsRepository<
  T extends { id: string; courseId: CourseId },
> implements CourseItemsRepository<T> {
  constructor(private readonly items: LowdbCollection<T>) {}
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
}
