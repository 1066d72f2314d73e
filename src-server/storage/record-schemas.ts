import { z } from 'zod';
import {
  accountStatusSchema,
  roleSchema,
  verificationModeSchema,
} from '../../src-shared/schemas/accounts';
import { enrolmentStatusSchema } from '../../src-shared/schemas/courses';

/**
 * The stored shapes of records.ts as zod schemas, checked when a collection
 * is loaded: a record that does not fit stops the hub with a message naming
 * the file and the record, instead of failing later inside a request.
 *
 * Ids are plain non-empty strings here, not the API's branded ids: the
 * store checks that data is whole and well typed, the API decides what a
 * client may send. Unknown fields are allowed (and kept) so that a newer
 * field never makes an older hub refuse a folder it can otherwise read.
 */

const id = z.string().min(1);
const time = z.string().min(1);
const count = z.number().int().nonnegative();

const fileSchema = z.object({
  id,
  blobId: id,
  fileName: z.string(),
  contentType: z.string(),
  size: count,
});

export const userRecordSchema = z.object({
  id,
  username: z.string().min(1),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: roleSchema,
  isAdmin: z.boolean(),
  status: accountStatusSchema,
  awaiting: z.enum(['approval', 'email']).optional(),
  emailVerified: z.boolean(),
  passwordHash: z.string().min(1),
  bio: z.string(),
  avatar: z.object({ blobId: id, contentType: z.string() }).optional(),
  student: z
    .object({ studentId: z.string().optional(), enrolmentDate: z.string().optional() })
    .optional(),
  teacher: z
    .object({
      title: z.string().optional(),
      department: z.string().optional(),
      yearsOfExperience: z.number().optional(),
    })
    .optional(),
  createdAt: time,
  updatedAt: time,
  lastSignInAt: time.optional(),
});

export const authSessionRecordSchema = z.object({
  id,
  userId: id,
  accessHash: z.string().min(1),
  accessExpiresAt: time,
  refreshHash: z.string().min(1),
  refreshExpiresAt: time,
  previousRefreshHash: z.string().optional(),
  device: z.string().optional(),
  createdAt: time,
  refreshedAt: time,
});

export const accountTokenRecordSchema = z.object({
  id,
  userId: id,
  purpose: z.enum(['verify-email', 'reset-password']),
  tokenHash: z.string().min(1),
  expiresAt: time,
  createdAt: time,
});

export const statusUpdateRecordSchema = z.object({
  id,
  authorId: id,
  text: z.string(),
  createdAt: time,
});

/** Every setting optional: a folder written before a setting existed gets its default. */
export const hubSettingsRecordSchema = z.object({
  id: z.literal('hub'),
  verification: verificationModeSchema.optional(),
  uploadLimitBytes: count.optional(),
  avatarLimitBytes: count.optional(),
  notificationRetentionDays: count.optional(),
  allowRunnableUploads: z.boolean().optional(),
  visitorCatalogue: z.boolean().optional(),
});

export const uploadRecordSchema = z.object({
  id,
  ownerId: id,
  blobId: id,
  fileName: z.string(),
  contentType: z.string(),
  size: count,
  createdAt: time,
  attachedTo: z.string().optional(),
});

export const sessionRecordSchema = z.object({
  id,
  title: z.string(),
  description: z.string(),
  hostId: id,
  courseId: id.optional(),
  joinToken: z.string().min(1),
  joinTokenExpiresAt: time.optional(),
  startsAt: time.optional(),
  endsAt: time.optional(),
  createdAt: time,
  updatedAt: time,
});

export const sessionMemberRecordSchema = z.object({
  id,
  sessionId: id,
  userId: id,
  role: z.enum(['host', 'member']),
  status: z.enum(['active', 'blocked']),
  joinedAt: time,
});

export const postRecordSchema = z.object({
  id,
  sessionId: id,
  authorId: id,
  text: z.string(),
  files: z.array(fileSchema),
  createdAt: time,
  editedAt: time.optional(),
});

export const commentRecordSchema = z.object({
  id,
  postId: id,
  sessionId: id,
  authorId: id,
  text: z.string(),
  createdAt: time,
  editedAt: time.optional(),
});

export const messageEditRecordSchema = z.object({
  id,
  text: z.string(),
  deleted: z.boolean(),
  editedAt: time,
  /** Who removed it when not its author: the room's moderator (room-access.ts moderatesRoom). */
  removedBy: id.optional(),
});

export const readMarkerRecordSchema = z.object({
  id,
  userId: id,
  stream: z.string().min(1),
  seq: count,
  readSeqs: z.array(count),
});

export const courseRecordSchema = z.object({
  id,
  code: z.string().min(1),
  title: z.string(),
  description: z.string(),
  capacity: count,
  teacherId: id,
  joinCode: z.string().min(1),
  archived: z.boolean(),
  createdAt: time,
  updatedAt: time,
  deletedAt: time.optional(),
});

export const enrolmentRecordSchema = z.object({
  id,
  courseId: id,
  userId: id,
  status: enrolmentStatusSchema,
  enrolledAt: time,
  updatedAt: time,
});

export const materialRecordSchema = z.object({
  id,
  courseId: id,
  title: z.string(),
  file: fileSchema,
  createdAt: time,
  updatedAt: time,
});

export const deadlineRecordSchema = z.object({
  id,
  courseId: id,
  title: z.string(),
  description: z.string(),
  dueAt: time,
  maxPoints: z.number().nonnegative(),
  acceptLate: z.boolean(),
  materials: z.array(z.object({ id, title: z.string(), file: fileSchema })).optional(),
  createdAt: time,
  updatedAt: time,
});

export const submissionRecordSchema = z.object({
  id,
  deadlineId: id,
  courseId: id,
  studentId: id,
  version: z.number().int().positive(),
  comment: z.string(),
  files: z.array(fileSchema),
  submittedAt: time,
  late: z.boolean(),
});

export const gradeRecordSchema = z.object({
  id,
  deadlineId: id,
  courseId: id,
  studentId: id,
  points: z.number().nonnegative(),
  feedback: z.string(),
  graderId: id,
  gradedAt: time,
});

export const feedbackRecordSchema = z.object({
  id,
  courseId: id,
  studentId: id,
  rating: z.number(),
  comment: z.string(),
  anonymous: z.boolean(),
  createdAt: time,
  updatedAt: time,
});

export const doneMarkRecordSchema = z.object({ id, at: time });

export const announcementRecordSchema = z.object({
  id,
  courseId: id,
  authorId: id,
  text: z.string(),
  files: z.array(fileSchema),
  createdAt: time,
  editedAt: time.optional(),
});

export const workCommentRecordSchema = z.object({
  id,
  deadlineId: id,
  courseId: id,
  studentId: id,
  authorId: id,
  text: z.string(),
  createdAt: time,
});

export const deviceReportRecordSchema = z.object({
  id,
  userId: id,
  deviceId: id,
  kind: z.enum(['desktop', 'browser']),
  version: z.string().optional(),
  platform: z.string().optional(),
  lastSyncAt: time,
  report: z
    .object({
      at: time,
      outboxWaiting: count,
      library: z.array(z.object({ courseId: id, files: z.array(z.string()) })),
    })
    .optional(),
});

export const classToolRecordSchema = z.object({
  id,
  sessionId: id,
  tool: z.string(),
  state: z.record(z.string(), z.unknown()),
  updatedAt: time,
});
