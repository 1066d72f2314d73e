import type { BlobId } from '../../../src-shared/ids';
import type { HandlersFor } from '../../http/handlers';
import { receiveFile } from '../../http/upload';
import { DomainError } from '../../domain-error';
import type { AccountsDeps } from './deps';
import type { AuthService } from './auth-service';
import { initialsAvatarSvg } from './initials-avatar';
import type { ProfileLinks } from './profile-links';
import type { ProfileService } from './profile-service';
import type { RegistrationService } from './registration-service';
import { toAccount } from './views';

type AccountRoutes =
  | 'register'
  | 'signIn'
  | 'refresh'
  | 'signOut'
  | 'signOutEverywhere'
  | 'verifyEmail'
  | 'resendVerification'
  | 'forgotPassword'
  | 'resetPassword'
  | 'me'
  | 'updateMe'
  | 'changePassword'
  | 'uploadAvatar'
  | 'deleteAvatar'
  | 'postStatusUpdate'
  | 'deleteStatusUpdate'
  | 'searchUsers'
  | 'profile'
  | 'statusUpdates'
  | 'avatar'
  | 'profileCourses'
  | 'profileSessions'
  | 'pendingAccounts'
  | 'approveAccount'
  | 'rejectAccount';

const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];

export function accountRoutes(
  deps: AccountsDeps,
  services: {
    auth: AuthService;
    registration: RegistrationService;
    profiles: ProfileService;
    links: ProfileLinks;
  },
): HandlersFor<AccountRoutes> {
  const { auth, registration, profiles } = services;
  return {
    register: ({ body, address }) => registration.register(body, address),
    signIn: ({ body, address }) => auth.signIn(body, address),
    refresh: ({ body }) => auth.refresh(body.refreshToken),
    signOut: ({ auth: me }) => auth.signOut(me),
    signOutEverywhere: ({ auth: me }) => auth.signOutEverywhere(me.user.id),
    verifyEmail: ({ body }) => registration.verifyEmail(body.token),
    resendVerification: ({ body, address }) => registration.resendVerification(body.email, address),
    forgotPassword: ({ body, address }) => registration.forgotPassword(body.email, address),
    resetPassword: ({ body }) => registration.resetPassword(body.token, body.password),

    me: async ({ auth: me }) => toAccount(me.user),
    updateMe: ({ auth: me, body }) => profiles.updateProfile(me.user, body),
    changePassword: ({ auth: me, body }) =>
      auth.changePassword(me, body.currentPassword, body.newPassword),
    uploadAvatar: async ({ auth: me, req }) => {
      const { avatarLimitBytes } = await deps.storage.settings.get();
      const file = await receiveFile(req, deps.storage.blobs, {
        field: 'avatar',
        accept: AVATAR_TYPES,
        limitBytes: avatarLimitBytes,
        describe: 'A profile picture must be a PNG, JPEG, WebP or GIF image.',
      });
      const blobId = await file.blob.commit();
      return profiles.setAvatar(me.user, { blobId, contentType: file.contentType });
    },
    deleteAvatar: ({ auth: me }) => profiles.setAvatar(me.user, undefined),
    postStatusUpdate: ({ auth: me, body }) => profiles.postStatusUpdate(me.user, body.text),
    deleteStatusUpdate: ({ auth: me, params }) =>
      profiles.deleteStatusUpdate(me.user, params.statusUpdateId),

    searchUsers: ({ auth: me, query }) => profiles.search(me.user, query),
    profile: ({ auth: me, params }) => profiles.profile(me.user, params.username),
    statusUpdates: ({ auth: me, params, query }) =>
      profiles.statusUpdates(me.user, params.username, query),
    avatar: async ({ params, res }) => {
      // Any existing account, pending ones included: approvers see them in their list, and an
      // avatar reveals no more than the username the register form already does.
      const user = await profiles.visibleUser({ isAdmin: true }, params.username);
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      if (!user.avatar) {
        res.type('image/svg+xml').send(initialsAvatarSvg(user));
        return;
      }
      await streamBlob(deps, user.avatar.blobId, user.avatar.contentType, res);
    },

    profileCourses: ({ auth: me, params }) => services.links.courses(me.user, params.username),
    profileSessions: ({ auth: me, params }) => services.links.sessions(me.user, params.username),
    pendingAccounts: ({ auth: me, query }) => registration.pending(me.user, query),
    approveAccount: ({ auth: me, params }) =>
      registration.decide(me.user, params.userId, 'approve'),
    rejectAccount: ({ auth: me, params }) => registration.decide(me.user, params.userId, 'reject'),
  };
}

async function streamBlob(
  deps: AccountsDeps,
  blobId: BlobId,
  contentType: string,
  res: import('express').Response,
): Promise<void> {
  const size = await deps.storage.blobs.size(blobId);
  if (size === undefined)
    throw new DomainError('NOT_FOUND', 'The picture file is missing from the hub.');
  res.type(contentType).setHeader('Content-Length', String(size));
  await new Promise<void>((resolve, reject) => {
    deps.storage.blobs
      .read(blobId)
      .on('error', reject)
      .pipe(res)
      .on('finish', resolve)
      .on('error', reject);
  });
}
