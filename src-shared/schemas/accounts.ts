import { z } from 'zod';
import { statusUpdateIdSchema, userIdSchema } from '../ids';
import { pageQuerySchema } from '../pagination';

export const roles = ['student', 'teacher'] as const;
export const roleSchema = z.enum(roles).meta({ id: 'Role' });
export type Role = z.infer<typeof roleSchema>;

/** pending: waits for approval or an email link; rejected: an approver said no. */
export const accountStatusSchema = z
  .enum(['pending', 'active', 'rejected'])
  .meta({ id: 'AccountStatus' });
export type AccountStatus = z.infer<typeof accountStatusSchema>;

export const verificationModes = ['none', 'approval', 'email'] as const;
export const verificationModeSchema = z.enum(verificationModes).meta({ id: 'VerificationMode' });
export type VerificationMode = z.infer<typeof verificationModeSchema>;

const trimmed = (min: number, max: number, what: string) =>
  z
    .string()
    .trim()
    .min(min, min === 1 ? `${what} is required.` : `${what} needs at least ${min} characters.`)
    .max(max, `${what} can be at most ${max} characters.`);

export const usernameSchema = trimmed(3, 30, 'Username').regex(
  /^[A-Za-z0-9._-]+$/,
  'Username may contain letters, digits, dots, dashes and underscores only.',
);
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'Email can be at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@school.org.'))
  .transform((email) => email.toLowerCase());
/** Length limits only: the full policy runs in checkPasswordPolicy so it can name each rule. */
export const passwordSchema = z
  .string()
  .min(1, 'Password is required.')
  .max(128, 'Password can be at most 128 characters.');

export const studentFieldsSchema = z.object({
  studentId: trimmed(0, 32, 'Student id').optional(),
  enrolmentDate: z.iso.date('Enrolment date must be a date like 2026-09-01.').optional(),
});
export const teacherFieldsSchema = z.object({
  title: trimmed(0, 60, 'Title').optional(),
  department: trimmed(0, 100, 'Department').optional(),
  yearsOfExperience: z
    .number()
    .int()
    .min(0)
    .max(80, 'Years of experience must be 0–80.')
    .optional(),
});

export const registerRequestSchema = z
  .object({
    username: usernameSchema,
    firstName: trimmed(1, 60, 'First name'),
    lastName: trimmed(1, 60, 'Last name'),
    email: emailSchema,
    password: passwordSchema,
    confirmPassword: z.string().max(128).optional().meta({
      description:
        'The password typed a second time, as on CSBox’s form; when sent it must match (400 on confirmPassword otherwise).',
    }),
    role: roleSchema,
  })
  .meta({ id: 'RegisterRequest' });
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

const avatarUrl = z
  .string()
  .meta({ description: 'Always loads: the uploaded image or an initials avatar.' });

/** What anyone signed in may see of a person. Email only for teachers and admins. */
export const userSummarySchema = z
  .object({
    id: userIdSchema,
    username: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    role: roleSchema,
    isAdmin: z.boolean(),
    avatarUrl,
    email: z
      .string()
      .optional()
      .meta({ description: 'Present only when the viewer is a teacher or an admin.' }),
  })
  .meta({ id: 'UserSummary' });
export type UserSummary = z.infer<typeof userSummarySchema>;

export const profileSchema = userSummarySchema
  .extend({
    bio: z.string(),
    joinedAt: z.iso.datetime(),
    student: studentFieldsSchema.optional(),
    teacher: teacherFieldsSchema.optional(),
  })
  .meta({ id: 'Profile' });
export type Profile = z.infer<typeof profileSchema>;

/** The signed-in person's own account: everything, including status. */
export const accountSchema = profileSchema
  .extend({
    email: z.string(),
    status: accountStatusSchema,
    emailVerified: z.boolean(),
  })
  .meta({ id: 'Account' });
export type Account = z.infer<typeof accountSchema>;

export const tokenPairSchema = z
  .object({
    accessToken: z.string(),
    accessTokenExpiresAt: z.iso.datetime(),
    refreshToken: z.string(),
    refreshTokenExpiresAt: z.iso.datetime(),
  })
  .meta({ id: 'TokenPair' });
export type TokenPair = z.infer<typeof tokenPairSchema>;

export const nextStepSchema = z
  .enum(['signed-in', 'await-approval', 'verify-email'])
  .meta({ description: 'What the person should do next.' });

export const registerResponseSchema = z
  .object({ account: accountSchema, nextStep: nextStepSchema, tokens: tokenPairSchema.optional() })
  .meta({ id: 'RegisterResponse' });
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

export const signInRequestSchema = z
  .object({
    username: z.string().trim().min(1, 'Username is required.').max(254),
    password: z.string().min(1, 'Password is required.').max(128),
    device: z
      .string()
      .trim()
      .max(100)
      .optional()
      .meta({ description: 'Shown in the list of signed-in devices.' }),
  })
  .meta({ id: 'SignInRequest' });
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export const failedSignInsNoticeSchema = z
  .object({
    count: z.number().int().positive(),
    lastAddress: z.string(),
    lastAt: z.iso.datetime(),
  })
  .meta({
    id: 'FailedSignInsNotice',
    description:
      'Wrong passwords typed for this account since its last sign-in; the app shows it once.',
  });
export type FailedSignInsNotice = z.infer<typeof failedSignInsNoticeSchema>;

export const signInResponseSchema = z
  .object({
    account: accountSchema,
    tokens: tokenPairSchema,
    failedSignIns: failedSignInsNoticeSchema.optional(),
  })
  .meta({ id: 'SignInResponse' });
export type SignInResponse = z.infer<typeof signInResponseSchema>;

export const refreshRequestSchema = z.object({ refreshToken: z.string().min(1).max(512) });
export const tokenRequestSchema = z.object({ token: z.string().min(1).max(512) });
export const emailRequestSchema = z.object({ email: emailSchema });
export const resetPasswordRequestSchema = z.object({
  token: z.string().min(1).max(512),
  password: passwordSchema,
});
export const changePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1, 'Current password is required.').max(128),
  newPassword: passwordSchema,
});

export const updateProfileRequestSchema = z
  .object({
    firstName: trimmed(1, 60, 'First name'),
    lastName: trimmed(1, 60, 'Last name'),
    bio: trimmed(0, 1000, 'Bio'),
    student: studentFieldsSchema,
    teacher: teacherFieldsSchema,
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateProfileRequest' });
export type UpdateProfileRequest = z.infer<typeof updateProfileRequestSchema>;

export const STATUS_UPDATE_MAX = 500;
export const statusUpdateSchema = z
  .object({
    id: statusUpdateIdSchema,
    author: userSummarySchema,
    text: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'StatusUpdate' });
export type StatusUpdate = z.infer<typeof statusUpdateSchema>;
export const createStatusUpdateRequestSchema = z.object({
  text: trimmed(1, STATUS_UPDATE_MAX, 'A status update'),
});

export const userSearchQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional().meta({
    description:
      'Words to find in username, names and (for teachers and admins) email. One typo per word is forgiven.',
  }),
  role: roleSchema.optional(),
});
export type UserSearchQuery = z.infer<typeof userSearchQuerySchema>;

export const usernameParamsSchema = z.object({ username: z.string().min(1).max(64) });

/** `k` is the key in an avatarUrl; `v` only changes the address when the picture changes. */
export const avatarQuerySchema = z.object({
  k: z.string().max(64).optional(),
  v: z.string().max(64).optional(),
});
export const userIdParamsSchema = z.object({ userId: userIdSchema });
export const statusUpdateParamsSchema = z.object({ statusUpdateId: statusUpdateIdSchema });
