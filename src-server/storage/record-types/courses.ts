import type { UserId } from '../../../src-shared/ids';
import type { AnnouncementId } from '../../../src-shared/schemas/announcements';
import type { CourseId, EnrolmentStatus, MaterialId } from '../../../src-shared/schemas/courses';
import type { DeadlineId } from '../../../src-shared/schemas/deadlines';
import type { SubmissionId } from '../../../src-shared/schemas/submissions';
import type { PostFileRecord } from './files';

/** Stored shapes of courses: the course, enrolments, materials, deadlines, work, grades, feedback, announcements. */

export interface CourseRecord {
  readonly id: CourseId;
  /** CS101, CS102, …: unique. */
  readonly code: string;
  readonly title: string;
  readonly description: string;
  readonly capacity: number;
  readonly teacherId: UserId;
  /** Upper case, unique. */
  readonly joinCode: string;
  readonly archived: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Set when an admin deletes it: hidden everywhere at once, its parts removed after (course-deletion.ts). */
  readonly deletedAt?: string;
}

/** One per student per course, kept when dropped or blocked (the teacher's records). */
export interface EnrolmentRecord {
  /** `${courseId}:${userId}` */
  readonly id: string;
  readonly courseId: CourseId;
  readonly userId: UserId;
  readonly status: EnrolmentStatus;
  readonly enrolledAt: string;
  readonly updatedAt: string;
}

export interface MaterialRecord {
  readonly id: MaterialId;
  readonly courseId: CourseId;
  readonly title: string;
  readonly file: PostFileRecord;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface DeadlineRecord {
  readonly id: DeadlineId;
  readonly courseId: CourseId;
  readonly title: string;
  readonly description: string;
  /** UTC ISO time. */
  readonly dueAt: string;
  readonly maxPoints: number;
  readonly acceptLate: boolean;
  /** Attached course materials, copied so a deadline shows them without a lookup; absent in records older than attachments. */
  readonly materials?: readonly DeadlineMaterialRecord[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A material attached to a deadline; kept in step when the material is renamed or deleted. */
export interface DeadlineMaterialRecord {
  readonly id: MaterialId;
  readonly title: string;
  readonly file: PostFileRecord;
}

/** One version of a student's work for a deadline; resubmitting adds a version, never replaces one. */
export interface SubmissionRecord {
  readonly id: SubmissionId;
  readonly deadlineId: DeadlineId;
  readonly courseId: CourseId;
  readonly studentId: UserId;
  readonly version: number;
  readonly comment: string;
  readonly files: readonly PostFileRecord[];
  readonly submittedAt: string;
  readonly late: boolean;
}

export interface GradeRecord {
  /** `${deadlineId}:${studentId}` */
  readonly id: string;
  readonly deadlineId: DeadlineId;
  readonly courseId: CourseId;
  readonly studentId: UserId;
  readonly points: number;
  readonly feedback: string;
  readonly graderId: UserId;
  readonly gradedAt: string;
}

/** The author is stored for moderation; views reveal it to the admin only when anonymous. */
export interface FeedbackRecord {
  /** `${courseId}:${studentId}`: one per student per course. */
  readonly id: string;
  readonly courseId: CourseId;
  readonly studentId: UserId;
  readonly rating: number;
  readonly comment: string;
  readonly anonymous: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A teacher's post to a course's stream; its files were claimed from the author's uploads. */
export interface AnnouncementRecord {
  readonly id: AnnouncementId;
  readonly courseId: CourseId;
  readonly authorId: UserId;
  readonly text: string;
  readonly files: readonly PostFileRecord[];
  readonly createdAt: string;
  readonly editedAt?: string;
}

/** One message in the private thread between a student and the course's teacher about one deadline's work. */
export interface WorkCommentRecord {
  readonly id: string;
  readonly deadlineId: DeadlineId;
  readonly courseId: CourseId;
  /** Whose work: the thread is theirs and the teacher's. */
  readonly studentId: UserId;
  readonly authorId: UserId;
  readonly text: string;
  readonly createdAt: string;
}
