import type { UserId } from '../../../../src-shared/ids';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import type { DeadlineId } from '../../../../src-shared/schemas/deadlines';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import type { SubmissionId } from '../../../../src-shared/schemas/submissions';
import type {
  CourseRecord,
  EnrolmentRecord,
  SessionMemberRecord,
  SessionRecord,
  SubmissionRecord,
} from '../../../../src-server/storage/records';

/** Whole, schema-valid records for the contract suites (PostgreSQL checks every write). */

export const AT = new Date('2026-12-01T10:00:00Z').toISOString();

export const aCourse = (id: string, code: string, teacher = 'teacher-1'): CourseRecord => ({
  id: id as CourseId,
  code,
  title: `Course ${code}`,
  description: '',
  capacity: 30,
  teacherId: teacher as UserId,
  joinCode: `JOIN${code}`,
  archived: false,
  createdAt: AT,
  updatedAt: AT,
});

export const anEnrolment = (
  courseId: string,
  userId: string,
  status: EnrolmentRecord['status'] = 'active',
): EnrolmentRecord => ({
  id: `${courseId}:${userId}`,
  courseId: courseId as CourseId,
  userId: userId as UserId,
  status,
  enrolledAt: AT,
  updatedAt: AT,
});

export const aSubmission = (
  id: string,
  deadlineId: string,
  studentId: string,
): Omit<SubmissionRecord, 'version'> => ({
  id: id as SubmissionId,
  deadlineId: deadlineId as DeadlineId,
  courseId: 'physics' as CourseId,
  studentId: studentId as UserId,
  comment: id,
  files: [],
  submittedAt: AT,
  late: false,
});

export const aSession = (id: string, joinToken: string): SessionRecord => ({
  id: id as SessionId,
  title: id,
  description: '',
  hostId: 'teacher-1' as UserId,
  joinToken,
  createdAt: AT,
  updatedAt: AT,
});

export const aMember = (
  sessionId: string,
  userId: string,
  status: SessionMemberRecord['status'] = 'active',
): SessionMemberRecord => ({
  id: `${sessionId}:${userId}`,
  sessionId: sessionId as SessionId,
  userId: userId as UserId,
  role: 'member',
  status,
  joinedAt: AT,
});

export const aFile = (id: string) => ({
  id,
  blobId: `blob-${id}`,
  fileName: `${id}.pdf`,
  contentType: 'application/pdf',
  size: 10,
});
