import type { UserId } from '../../src-shared/ids';
import type { CourseId } from '../../src-shared/schemas/courses';
import type { DeadlineId } from '../../src-shared/schemas/deadlines';
import type { SubmissionId } from '../../src-shared/schemas/submissions';
import type { CourseRecord, EnrolmentRecord, SubmissionRecord } from './records';
import type { Slice, Window } from './repositories';

/**
 * The admin panel's view of a collection: every record, newest first, one
 * window at a time. `matches` is the admin's search, applied before the
 * window is cut so `total` counts every match.
 */
export interface PagesEverything<T> {
  pageAll(window: Window, matches?: (record: T) => boolean): Promise<Slice<T>>;
}

/** Courses, enrolments, materials, deadlines, submissions, grades, feedback and job marks (part of repositories.ts, which re-exports it). */

export interface CoursesRepository {
  get(id: CourseId): Promise<CourseRecord | undefined>;
  findByJoinCode(code: string): Promise<CourseRecord | undefined>;
  /** By course code (CS101), exactly as stored. */
  findByCode(code: string): Promise<CourseRecord | undefined>;
  /** Newest first. */
  all(): Promise<CourseRecord[]>;
  listForTeacher(teacherId: UserId): Promise<CourseRecord[]>;
  /** Codes in use with this prefix (CS → CS101, CS102…), for picking the next one. */
  codesWithPrefix(prefix: string): Promise<string[]>;
  /** Throws UniqueViolation('code' | 'joinCode'). */
  insert(course: CourseRecord): Promise<CourseRecord>;
  update(
    id: CourseId,
    change: (current: CourseRecord) => CourseRecord,
  ): Promise<CourseRecord | undefined>;
  /**
   * Marks the course deleted: from then on every read above (get, the codes,
   * all, listForTeacher) answers as if it were gone, while its parts are removed.
   */
  markDeleted(id: CourseId, at: string): Promise<CourseRecord | undefined>;
  /** Courses marked deleted whose removal has not finished (start-up check, never a request path). */
  listMarkedDeleted(): Promise<CourseRecord[]>;
  /** Removes the record itself, the last step of a deletion. */
  delete(id: CourseId): Promise<boolean>;
}

export interface EnrolmentsRepository extends PagesEverything<EnrolmentRecord> {
  get(courseId: CourseId, userId: UserId): Promise<EnrolmentRecord | undefined>;
  listForCourse(courseId: CourseId): Promise<EnrolmentRecord[]>;
  listForUser(userId: UserId): Promise<EnrolmentRecord[]>;
  countActive(courseId: CourseId): Promise<number>;
  /**
   * Makes the enrolment active only if the course has fewer than `capacity`
   * active enrolments — checked and written as one step, so N students racing
   * for the last seat cannot all get it. Returns false when full.
   */
  activateIfRoom(enrolment: EnrolmentRecord, capacity: number): Promise<boolean>;
  update(
    courseId: CourseId,
    userId: UserId,
    change: (current: EnrolmentRecord) => EnrolmentRecord,
  ): Promise<EnrolmentRecord | undefined>;
  delete(courseId: CourseId, userId: UserId): Promise<boolean>;
  deleteForUser(userId: UserId): Promise<number>;
  /** Every enrolment of the course, by index; returns how many went. */
  deleteForCourse(courseId: CourseId): Promise<number>;
}

/** Small per-course content: materials and deadlines share this shape of repository. */
export interface CourseItemsRepository<
  T extends { id: string; courseId: CourseId },
> extends PagesEverything<T> {
  get(id: T['id']): Promise<T | undefined>;
  /** In insertion order. */
  listForCourse(courseId: CourseId): Promise<T[]>;
  insert(item: T): Promise<T>;
  update(id: T['id'], change: (current: T) => T): Promise<T | undefined>;
  delete(id: T['id']): Promise<boolean>;
  /** Every item of the course, by index; returns how many went. */
  deleteForCourse(courseId: CourseId): Promise<number>;
}

export interface SubmissionsRepository extends PagesEverything<SubmissionRecord> {
  get(id: SubmissionId): Promise<SubmissionRecord | undefined>;
  /** Every version of every student for a deadline, oldest first. */
  listForDeadline(deadlineId: DeadlineId): Promise<SubmissionRecord[]>;
  /** Every version of every student for every deadline of a course, oldest first (the gradebook; by index, never a scan). */
  listForCourse(courseId: CourseId): Promise<SubmissionRecord[]>;
  /**
   * Adds the next version for this student and deadline (version = previous + 1,
   * decided atomically with the insert).
   */
  addVersion(submission: Omit<SubmissionRecord, 'version'>): Promise<SubmissionRecord>;
  /** Every version of every student of the course, by index; returns how many went. */
  deleteForCourse(courseId: CourseId): Promise<number>;
}

/** Grades and feedback: records keyed by `${a}:${b}`, upserted whole. */
export interface KeyedRepository<T extends { id: string }> extends PagesEverything<T> {
  get(id: string): Promise<T | undefined>;
  listByCourse(courseId: CourseId): Promise<T[]>;
  put(record: T): Promise<T>;
  delete(id: string): Promise<boolean>;
  /** Every record of the course, by index; returns how many went. */
  deleteForCourse(courseId: CourseId): Promise<number>;
}

/** Keys of one-off jobs already done (e.g. a reminder sent), so a restart never repeats them. */
export interface DoneMarksRepository {
  has(key: string): Promise<boolean>;
  /** Returns false if it was already marked (another pass got there first). */
  mark(key: string): Promise<boolean>;
}
