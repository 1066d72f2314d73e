import { z } from 'zod';
import { statusUpdateIdSchema, userIdSchema } from '../ids';
import { pageQuerySchema } from '../pagination';
import {
  accountSchema,
  accountStatusSchema,
  emailSchema,
  roleSchema,
  verificationModeSchema,
} from './accounts';
import { courseIdSchema, enrolmentStatusSchema, materialIdSchema } from './courses';
import { deadlineIdSchema } from './deadlines';
import { fileIdSchema } from './files';
import { commentIdSchema, postIdSchema, sessionIdSchema } from './sessions';
import { submissionIdSchema } from './submissions';

const MB = 1024 * 1024;

/** Settings an admin can change while the hub runs; stored in the data folder. */
export const hubSettingsSchema = z
  .object({
    verification: verificationModeSchema,
    uploadLimitBytes: z
      .number()
      .int()
      .min(1 * MB, 'The upload limit must be at least 1 MB.')
      .max(2048 * MB, 'The upload limit can be at most 2 GB.')
      .meta({ description: 'Largest material or submission file, in bytes.' }),
    avatarLimitBytes: z
      .number()
      .int()
      .min(64 * 1024, 'The avatar limit must be at least 64 KB.')
      .max(20 * MB, 'The avatar limit can be at most 20 MB.'),
    notificationRetentionDays: z
      .number()
      .int()
      .min(1, 'Keep notifications for at least a day.')
      .max(3650, 'Notifications can be kept for at most ten years.')
      .meta({ description: 'Older notifications are pruned.' }),
    allowRunnableUploads: z.boolean().meta({
      description:
        'Accept scripts and programs (.bat, .ps1, .exe, .sh …) as uploads. Off by default: ' +
        'a student who opens one runs it.',
    }),
    visitorCatalogue: z.boolean().meta({
      description:
        'Signed-out visitors may list and search current courses (title, code, teacher, places left).',
    }),
  })
  .meta({ id: 'HubSettings' });
export type HubSettings = z.infer<typeof hubSettingsSchema>;
export const updateHubSettingsRequestSchema = hubSettingsSchema.partial().strict();

export const defaultHubSettings: HubSettings = {
  verification: 'approval',
  uploadLimitBytes: 50 * MB,
  avatarLimitBytes: 5 * MB,
  notificationRetentionDays: 90,
  allowRunnableUploads: false,
  visitorCatalogue: true,
};

export const adminUserQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  role: roleSchema.optional(),
  status: accountStatusSchema.optional(),
});

export const adminUpdateUserRequestSchema = z
  .object({
    firstName: z.string().trim().min(1).max(60),
    lastName: z.string().trim().min(1).max(60),
    email: emailSchema,
    role: roleSchema,
    isAdmin: z.boolean(),
    status: accountStatusSchema,
  })
  .partial()
  .strict()
  .meta({ id: 'AdminUpdateUserRequest' });
export type AdminUpdateUserRequest = z.infer<typeof adminUpdateUserRequestSchema>;

export const passwordResetLinkSchema = z
  .object({
    resetUrl: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({
    id: 'PasswordResetLink',
    description: 'Hand this link to the person; it works once, for one hour.',
  });

export const adminAccountSchema = accountSchema.extend({
  lastSignInAt: z.iso.datetime().optional(),
});
export type AdminAccount = z.infer<typeof adminAccountSchema>;

/*
 * Rows of the admin panel's record lists (every enrolment, material, …).
 * Small on purpose: what a table row shows and the ids its actions need;
 * the full record is on the course or session page.
 */

export const adminRecordQuerySchema = pageQuerySchema.extend({
  q: z
    .string()
    .trim()
    .max(100)
    .optional()
    .meta({ description: 'Matches the course or session, the person and the record’s own text.' }),
});
export const adminEnrolmentQuerySchema = adminRecordQuerySchema.extend({
  status: enrolmentStatusSchema.optional(),
});

export const adminCourseRefSchema = z
  .object({ id: courseIdSchema, code: z.string(), title: z.string() })
  .meta({ id: 'AdminCourseRef' });
export const adminPersonRefSchema = z
  .object({
    id: userIdSchema,
    username: z.string(),
    firstName: z.string(),
    lastName: z.string(),
  })
  .meta({ id: 'AdminPersonRef' });
export const adminSessionRefSchema = z
  .object({ id: sessionIdSchema, title: z.string() })
  .meta({ id: 'AdminSessionRef' });

export const adminEnrolmentSchema = z
  .object({
    id: z.string(),
    course: adminCourseRefSchema,
    student: adminPersonRefSchema,
    status: enrolmentStatusSchema,
    enrolledAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminEnrolment' });
export type AdminEnrolment = z.infer<typeof adminEnrolmentSchema>;

export const adminMaterialSchema = z
  .object({
    id: materialIdSchema,
    course: adminCourseRefSchema,
    title: z.string(),
    fileName: z.string(),
    size: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminMaterial' });
export type AdminMaterial = z.infer<typeof adminMaterialSchema>;

export const adminDeadlineSchema = z
  .object({
    id: deadlineIdSchema,
    course: adminCourseRefSchema,
    title: z.string(),
    dueAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminDeadline' });
export type AdminDeadline = z.infer<typeof adminDeadlineSchema>;

export const adminSubmissionSchema = z
  .object({
    id: submissionIdSchema,
    deadline: z.object({ id: deadlineIdSchema, title: z.string() }),
    course: adminCourseRefSchema,
    student: adminPersonRefSchema,
    version: z.number().int(),
    late: z.boolean(),
    submittedAt: z.iso.datetime(),
    files: z.array(z.object({ id: fileIdSchema, fileName: z.string(), size: z.number().int() })),
  })
  .meta({ id: 'AdminSubmission' });
export type AdminSubmission = z.infer<typeof adminSubmissionSchema>;

export const adminFeedbackSchema = z
  .object({
    course: adminCourseRefSchema,
    author: adminPersonRefSchema.meta({
      description: 'Named here even when anonymous: only admins see this list.',
    }),
    anonymous: z.boolean(),
    rating: z.number().int(),
    comment: z.string(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminFeedback' });
export type AdminFeedback = z.infer<typeof adminFeedbackSchema>;
export const adminFeedbackParamsSchema = z.object({
  courseId: courseIdSchema,
  userId: userIdSchema,
});

export const adminPostSchema = z
  .object({
    id: postIdSchema,
    session: adminSessionRefSchema,
    author: adminPersonRefSchema,
    excerpt: z.string().meta({ description: 'The first 140 characters of the text.' }),
    filesCount: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminPost' });
export type AdminPost = z.infer<typeof adminPostSchema>;

export const adminCommentSchema = z
  .object({
    id: commentIdSchema,
    postId: postIdSchema,
    session: adminSessionRefSchema,
    author: adminPersonRefSchema,
    excerpt: z.string().meta({ description: 'The first 140 characters of the text.' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminComment' });
export type AdminComment = z.infer<typeof adminCommentSchema>;

export const adminStatusUpdateSchema = z
  .object({
    id: statusUpdateIdSchema,
    author: adminPersonRefSchema,
    text: z.string().meta({ description: 'The whole update (at most 500 characters).' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'AdminStatusUpdate' });
export type AdminStatusUpdate = z.infer<typeof adminStatusUpdateSchema>;
export type AdminPersonRef = z.infer<typeof adminPersonRefSchema>;
