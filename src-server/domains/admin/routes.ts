import type { HandlersFor } from '../handlers';
import type { AdminService } from './service';

export function adminRoutes(
  admin: AdminService,
): HandlersFor<
  | 'adminUsers'
  | 'adminUpdateUser'
  | 'adminDeleteUser'
  | 'adminResetPassword'
  | 'settings'
  | 'updateSettings'
> {
  return {
    adminUsers: ({ query }) => admin.users(query),
    adminUpdateUser: ({ auth, params, body }) => admin.updateUser(auth.user, params.userId, body),
    adminDeleteUser: ({ auth, params }) => admin.deleteUser(auth.user, params.userId),
    adminResetPassword: ({ auth, params }) => admin.resetLink(auth.user, params.userId),
    settings: () => admin.settings(),
    updateSettings: ({ auth, body }) => admin.updateSettings(auth.user, body),
  };
}
