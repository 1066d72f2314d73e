import { z } from 'zod';
import { pageQuerySchema } from '../pagination';
import {
  accountSchema,
  accountStatusSchema,
  emailSchema,
  roleSchema,
  verificationModeSchema,
} from './accounts';

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
  })
  .meta({ id: 'HubSettings' });
export type HubSettings = z.infer<typeof hubSettingsSchema>;
export const updateHubSettingsRequestSchema = hubSettingsSchema.partial().strict();

export const defaultHubSettings: HubSettings = {
  verification: 'approval',
  uploadLimitBytes: 50 * MB,
  avatarLimitBytes: 5 * MB,
  notificationRetentionDays: 90,
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
