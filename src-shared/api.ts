import { route, type SlotInput, type SlotOutput } from './api-route';
import { pageQuerySchema, pageSchema } from './pagination';
import { healthSchema } from './schemas/health';
import {
  accountSchema,
  changePasswordRequestSchema,
  createStatusUpdateRequestSchema,
  emailRequestSchema,
  profileSchema,
  refreshRequestSchema,
  registerRequestSchema,
  registerResponseSchema,
  resetPasswordRequestSchema,
  signInRequestSchema,
  signInResponseSchema,
  statusUpdateParamsSchema,
  statusUpdateSchema,
  tokenPairSchema,
  tokenRequestSchema,
  updateProfileRequestSchema,
  userIdParamsSchema,
  usernameParamsSchema,
  userSearchQuerySchema,
  userSummarySchema,
} from './schemas/accounts';
import {
  adminAccountSchema,
  adminUpdateUserRequestSchema,
  adminUserQuerySchema,
  hubSettingsSchema,
  passwordResetLinkSchema,
  updateHubSettingsRequestSchema,
} from './schemas/admin';

export * from './api-route';

const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;

/**
 * The REST route table: the one place a route is described. The server
 * registers handlers from it, the OpenAPI document is generated from it, and
 * the renderer's client takes its types from it.
 */
export const api = {
  health: route({
    method: 'get', path: '/health', tag: 'hub', auth: 'public',
    summary: 'Is the hub up, and which version is it',
    response: healthSchema,
  }),

  register: route({
    method: 'post', path: '/auth/register', tag: 'auth', auth: 'public', successStatus: 201,
    summary: 'Create an account (the first account on a hub becomes its admin)',
    body: registerRequestSchema, response: registerResponseSchema,
  }),
  signIn: route({
    method: 'post', path: '/auth/sign-in', tag: 'auth', auth: 'public',
    summary: 'Sign in with username (or email) and password',
    description: 'Wrong username and wrong password answer alike. Repeated failures are throttled per account and per address (429).',
    body: signInRequestSchema, response: signInResponseSchema,
  }),
  refresh: route({
    method: 'post', path: '/auth/refresh', tag: 'auth', auth: 'public',
    summary: 'Trade a refresh token for a new token pair (the old refresh token stops working)',
    body: refreshRequestSchema, response: tokenPairSchema,
  }),
  signOut: route({
    method: 'post', path: '/auth/sign-out', tag: 'auth', auth: 'user', successStatus: 204,
    summary: 'Sign out this device',
  }),
  signOutEverywhere: route({
    method: 'post', path: '/auth/sign-out-everywhere', tag: 'auth', auth: 'user', successStatus: 204,
    summary: 'Sign out every device of this account, this one included',
  }),
  verifyEmail: route({
    method: 'post', path: '/auth/verify-email', tag: 'auth', auth: 'public',
    summary: 'Confirm an email address with the token from the emailed link',
    body: tokenRequestSchema, response: accountSchema,
  }),
  resendVerification: route({
    method: 'post', path: '/auth/resend-verification', tag: 'auth', auth: 'public', successStatus: 202,
    summary: 'Send the verification link again (answers alike whether or not the address is known)',
    body: emailRequestSchema,
  }),
  forgotPassword: route({
    method: 'post', path: '/auth/forgot-password', tag: 'auth', auth: 'public', successStatus: 202,
    summary: 'Send a password reset link (answers alike whether or not the address is known)',
    body: emailRequestSchema,
  }),
  resetPassword: route({
    method: 'post', path: '/auth/reset-password', tag: 'auth', auth: 'public', successStatus: 204,
    summary: 'Set a new password with the token from a reset link; signs out every device',
    body: resetPasswordRequestSchema,
  }),

  me: route({
    method: 'get', path: '/me', tag: 'account', auth: 'user',
    summary: 'The signed-in account', response: accountSchema,
  }),
  updateMe: route({
    method: 'patch', path: '/me', tag: 'account', auth: 'user',
    summary: 'Edit your profile (names, bio, student or teacher fields)',
    body: updateProfileRequestSchema, response: accountSchema,
  }),
  changePassword: route({
    method: 'post', path: '/me/password', tag: 'account', auth: 'user', successStatus: 204,
    summary: 'Change your password; other devices are signed out',
    body: changePasswordRequestSchema,
  }),
  uploadAvatar: route({
    method: 'put', path: '/me/avatar', tag: 'account', auth: 'user',
    summary: 'Upload a profile picture (PNG, JPEG, WebP or GIF, checked by content)',
    upload: { field: 'avatar', accept: IMAGE_TYPES }, response: accountSchema,
  }),
  deleteAvatar: route({
    method: 'delete', path: '/me/avatar', tag: 'account', auth: 'user',
    summary: 'Remove your profile picture (the initials avatar is shown again)', response: accountSchema,
  }),
  postStatusUpdate: route({
    method: 'post', path: '/me/status-updates', tag: 'account', auth: 'user', successStatus: 201,
    summary: 'Post a status update (at most 500 characters)',
    body: createStatusUpdateRequestSchema, response: statusUpdateSchema,
  }),
  deleteStatusUpdate: route({
    method: 'delete', path: '/status-updates/:statusUpdateId', tag: 'account', auth: 'user', successStatus: 204,
    summary: 'Delete a status update (its author or an admin)', params: statusUpdateParamsSchema,
  }),

  searchUsers: route({
    method: 'get', path: '/users', tag: 'users', auth: 'user',
    summary: 'Find people by username, name or (teachers and admins) email; ranked, typo-tolerant',
    query: userSearchQuerySchema, response: pageSchema(userSummarySchema),
  }),
  profile: route({
    method: 'get', path: '/users/:username', tag: 'users', auth: 'user',
    summary: "A person's profile", params: usernameParamsSchema, response: profileSchema,
  }),
  statusUpdates: route({
    method: 'get', path: '/users/:username/status-updates', tag: 'users', auth: 'user',
    summary: "A person's status updates, newest first",
    params: usernameParamsSchema, query: pageQuerySchema, response: pageSchema(statusUpdateSchema),
  }),
  avatar: route({
    method: 'get', path: '/users/:username/avatar', tag: 'users', auth: 'public',
    summary: "A person's avatar: the uploaded image, or an SVG with their initials",
    description: 'Public so that <img> tags can load it without a token; it reveals only initials.',
    params: usernameParamsSchema, response: 'file',
  }),

  pendingAccounts: route({
    method: 'get', path: '/accounts/pending', tag: 'approval', auth: 'approver',
    summary: 'Accounts waiting for approval (teachers see students only)',
    query: pageQuerySchema, response: pageSchema(accountSchema),
  }),
  approveAccount: route({
    method: 'post', path: '/accounts/:userId/approve', tag: 'approval', auth: 'approver',
    summary: 'Approve a pending account (teachers may approve students)',
    params: userIdParamsSchema, response: accountSchema,
  }),
  rejectAccount: route({
    method: 'post', path: '/accounts/:userId/reject', tag: 'approval', auth: 'approver',
    summary: 'Decline a pending account; the person is told when they try to sign in',
    params: userIdParamsSchema, response: accountSchema,
  }),

  adminUsers: route({
    method: 'get', path: '/admin/users', tag: 'admin', auth: 'admin',
    summary: 'Every account, searchable and filterable',
    query: adminUserQuerySchema, response: pageSchema(adminAccountSchema),
  }),
  adminUpdateUser: route({
    method: 'patch', path: '/admin/users/:userId', tag: 'admin', auth: 'admin',
    summary: "Edit anyone's names, email, role, admin flag or status",
    params: userIdParamsSchema, body: adminUpdateUserRequestSchema, response: adminAccountSchema,
  }),
  adminDeleteUser: route({
    method: 'delete', path: '/admin/users/:userId', tag: 'admin', auth: 'admin', successStatus: 204,
    summary: 'Delete an account with its sign-ins and status updates', params: userIdParamsSchema,
  }),
  adminResetPassword: route({
    method: 'post', path: '/admin/users/:userId/reset-password', tag: 'admin', auth: 'admin',
    summary: 'Make a one-time reset link for someone who forgot their password; signs them out everywhere',
    params: userIdParamsSchema, response: passwordResetLinkSchema,
  }),
  settings: route({
    method: 'get', path: '/admin/settings', tag: 'admin', auth: 'admin',
    summary: 'Hub settings', response: hubSettingsSchema,
  }),
  updateSettings: route({
    method: 'patch', path: '/admin/settings', tag: 'admin', auth: 'admin',
    summary: 'Change hub settings', body: updateHubSettingsRequestSchema, response: hubSettingsSchema,
  }),
} as const;

export type Api = typeof api;
export type RouteName = keyof Api;

export type RouteResponse<N extends RouteName> = SlotOutput<Api[N]['response']>;
export type RouteBody<N extends RouteName> = SlotInput<Api[N]['body']>;
export type RouteQuery<N extends RouteName> = SlotInput<Api[N]['query']>;
export type RouteParams<N extends RouteName> = SlotInput<Api[N]['params']>;
