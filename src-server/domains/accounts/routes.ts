import type { HandlersFor } from '../handlers';
import { DomainError } from '../../domain-error';
import type { AccountsDeps } from './deps';
import type { AuthService } from './auth-service';
import { initialsAvatarSvg } from './initials-avatar';
import type { ProfileLinks } from './profile-links';
import type { ProfileService } from './profile-service';
import type { RegistrationService } from './registration-service';
import { isAvatarKey, toAccount } from './views';
import type { FileReply } from '../file-reply';
import type { UserRecord } from '../../storage/records';

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
    uploadAvatar: async ({ auth: me, receiveFile }) => {
      const { avatarLimitBytes } = await deps.storage.settings.get();
      const file = await receiveFile(deps.storage.blobs, {
        accept: 'picture',
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
    avatar: async ({ params, query }) => {
      // Any existing account, pending ones included: approvers see them in their list.
      const user = await profiles
        .visibleUser({ isAdmin: true }, params.username)
        .catch((error: unknown) => {
          if (error instanceof DomainError) return null;
          throw error;
        });
      // A missing account and a wrong key answer alike, so the route tells no one who exists.
      if (!user || !isAvatarKey(user, query.k))
        throw new DomainError(
          'UNAUTHENTICATED',
          'Sign in first: pictures open through the addresses the hub gives signed-in people.',
        );
      return avatarReply(deps, user);
    },

    profileCourses: ({ auth: me, params }) => services.links.courses(me.user, params.username),
    profileSessions: ({ auth: me, params }) => services.links.sessions(me.user, params.username),
    pendingAccounts: ({ auth: me, query }) => registration.pending(me.user, query),
    approveAccount: ({ auth: me, params }) =>
      registration.decide(me.user, params.userId, 'approve'),
    rejectAccount: ({ auth: me, params }) => registration.decide(me.user, params.userId, 'reject'),
  };
}

async function avatarReply(deps: AccountsDeps, user: UserRecord): Promise<FileReply> {
  if (!user.avatar) {
    const svg = initialsAvatarSvg(user);
    return { kind: 'stream', contentType: 'image/svg+xml', cache: 'immutable', open: () => svg };
  }
  const { blobId, contentType } = user.avatar;
  const size = await deps.storage.blobs.size(blobId);
  if (size === undefined)
    throw new DomainError('NOT_FOUND', 'The picture file is missing from the hub.');
  return {
    kind: 'stream',
    contentType,
    size,
    cache: 'immutable',
    open: () => deps.storage.blobs.read(blobId),
  };
}
