import type { CourseId } from '../../src-shared/schemas/courses';
import type { AnnouncementId } from '../../src-shared/schemas/announcements';
import type { UserId } from '../../src-shared/ids';
import type { DeadlineId } from '../../src-shared/schemas/deadlines';
import type { AnnouncementRecord, WorkCommentRecord } from './records';

/** A course's announcements; listing reads the course's index, never the whole collection. */
export interface AnnouncementsRepository {
  get(id: AnnouncementId): Promise<AnnouncementRecord | undefined>;
  /** Oldest first (insertion order); the service turns it round. */
  listForCourse(courseId: CourseId): Promise<AnnouncementRecord[]>;
  insert(announcement: AnnouncementRecord): Promise<AnnouncementRecord>;
  update(
    id: AnnouncementId,
    change: (current: AnnouncementRecord) => AnnouncementRecord,
  ): Promise<AnnouncementRecord | undefined>;
  delete(id: AnnouncementId): Promise<boolean>;
  /** Every announcement of the course, by index; returns how many went. */
  deleteForCourse(courseId: CourseId): Promise<number>;
}

/** Private threads on a piece of work, read by (deadline, student) through an index. */
export interface WorkCommentsRepository {
  /** Oldest first. */
  listForWork(deadlineId: DeadlineId, studentId: UserId): Promise<WorkCommentRecord[]>;
  insert(comment: WorkCommentRecord): Promise<WorkCommentRecord>;
  /** The whole thread on one student's work; returns how many went. */
  deleteForWork(deadlineId: DeadlineId, studentId: UserId): Promise<number>;
}
