import { route } from '../api-route';
import { pageSchema } from '../pagination';
import { userIdParamsSchema } from '../schemas/accounts';
import {
  adminAccountSchema,
  adminUpdateUserRequestSchema,
  adminUserQuerySchema,
  hubSettingsSchema,
  passwordResetLinkSchema,
  updateHubSettingsRequestSchema,
} from '../schemas/admin';

/** The admin panel: every account and the hub settings. */
export const adminRoutes = {
  adminUsers: route({
    method: 'get',
    path: '/admin/users',
    tag: 'admin',
    auth: 'admin',
    summary: 'Every account, searchable and filterable',
    query: adminUserQuerySchema,
    response: pageSchema(adminAccountSchema),
  }),
  adminUpdateUser: route({
    method: 'patch',
    path: '/admin/users/:userId',
    tag: 'admin',
    auth: 'admin',
    summary: "Edit anyone's names, email, role, admin flag or status",
    params: userIdParamsSchema,
    body: adminUpdateUserRequestSchema,
    response: adminAccountSchema,
  }),
  adminDeleteUser: route({
    method: 'delete',
    path: '/admin/users/:userId',
    tag: 'admin',
    auth: 'admin',
    successStatus: 204,
    summary: 'Delete an account with its sign-ins and status updates',
    params: userIdParamsSchema,
  }),
  adminResetPassword: route({
    method: 'post',
    path: '/admin/users/:userId/reset-password',
    tag: 'admin',
    auth: 'admin',
    summary:
      'Make a one-time reset link for someone who forgot their password; signs them out everywhere',
    params: userIdParamsSchema,
    response: passwordResetLinkSchema,
  }),
  settings: route({
    method: 'get',
    path: '/admin/settings',
    tag: 'admin',
    auth: 'admin',
    summary: 'Hub settings',
    response: hubSettingsSchema,
  }),
  updateSettings: route({
    method: 'patch',
    path: '/admin/settings',
    tag: 'admin',
    auth: 'admin',
    summary: 'Change hub settings',
    body: updateHubSettingsRequestSchema,
    response: hubSettingsSchema,
  }),
} as const;
