import type { UserId } from '../../../src-shared/ids';
import type { Page } from '../../../src-shared/pagination';
import type {
  AdminAccount,
  AdminUpdateUserRequest,
  HubSettings,
} from '../../../src-shared/schemas/admin';
import type { z } from 'zod';
import type { adminUserQuerySchema } from '../../../src-shared/schemas/admin';
import { DomainError } from '../../domain-error';
import { UniqueViolation } from '../../storage/errors';
import type { UserRecord } from '../../storage/records';
import type { AuthService } from '../accounts/auth-service';
import type { AccountsDeps } from '../accounts/deps';
import { takenError, type RegistrationService } from '../accounts/registration-service';
import { toAdminAccount } from '../accounts/views';
import { pageOf, windowOf } from '../paging';

type AdminUserQuery = z.output<typeof adminUserQuerySchema>;

/** The repositories AdminService reads and writes (createHub hands it exactly these). */
export const ADMIN_REPOSITORIES = [
  'accountTokens',
  'audit',
  'settings',
  'statusUpdates',
  'users',
] as const;

/** The admin panel's rules: every account, hub settings, and the guarantee that one admin always remains. */
export class AdminService {
  constructor(
    private readonly deps: AccountsDeps<(typeof ADMIN_REPOSITORIES)[number]>,
    private readonly auth: AuthService,
    private readonly registration: RegistrationService,
  ) {}

  async users(query: AdminUserQuery): Promise<Page<AdminAccount>> {
    const slice = await this.deps.storage.users.search({
      ...windowOf(query),
      matchEmail: true,
      ...(query.q ? { text: query.q } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.status ? { statuses: [query.status] } : {}),
    });
    return pageOf(slice, query, toAdminAccount);
  }

  async updateUser(
    admin: UserRecord,
    userId: UserId,
    patch: AdminUpdateUserRequest,
  ): Promise<AdminAccount> {
    const { storage, bus } = this.deps;
    let user: UserRecord | 'last-admin' | undefined;
    try {
      // The "one admin always remains" rule is checked in the same step as the write.
      user = await storage.users.updateKeepingAnAdmin(userId, (u) => ({
        ...u,
        ...patch,
        ...(patch.status === 'active' ? { awaiting: undefined } : {}),
        ...(patch.status === 'pending' && !u.awaiting ? { awaiting: 'approval' as const } : {}),
        updatedAt: this.deps.now().toISOString(),
      }));
    } catch (error) {
      if (error instanceof UniqueViolation) throw takenError(error.key);
      throw error;
    }
    if (user === 'last-admin') throw lastAdmin();
    if (!user) throw notFound();
    await storage.audit.append('accounts', {
      action: 'admin-edited',
      actorId: admin.id,
      subjectId: userId,
      detail: Object.keys(patch).join(','),
    });
    if (user.status !== 'active') await this.auth.signOutEverywhere(userId, 'account-blocked');
    bus.publish('account.updated', { user });
    return toAdminAccount(user);
  }

  async deleteUser(admin: UserRecord, userId: UserId): Promise<void> {
    const { storage, bus } = this.deps;
    const user = await this.mustGet(userId);
    if (user.id === admin.id)
      throw new DomainError(
        'FORBIDDEN',
        'You cannot delete your own account from the admin panel.',
      );
    // Demoted first, in one checked step (also an account made admin since the read above),
    // so two admins deleting each other at once cannot both go.
    const demoted = await storage.users.updateKeepingAnAdmin(userId, (u) =>
      u.isAdmin ? { ...u, isAdmin: false, updatedAt: this.deps.now().toISOString() } : u,
    );
    if (demoted === 'last-admin') throw lastAdmin();
    if (!demoted) throw notFound();
    await this.auth.signOutEverywhere(userId, 'account-removed');
    await storage.accountTokens.deleteForUser(userId);
    await storage.statusUpdates.deleteByAuthor(userId);
    await storage.users.delete(userId);
    await storage.audit.append('accounts', {
      action: 'deleted',
      actorId: admin.id,
      subjectId: userId,
      detail: user.username,
    });
    bus.publish('account.deleted', { userId });
  }

  async resetLink(admin: UserRecord, userId: UserId) {
    const user = await this.mustGet(userId);
    const link = await this.registration.createResetLink(user);
    await this.deps.storage.audit.append('accounts', {
      action: 'admin-reset-link',
      actorId: admin.id,
      subjectId: userId,
    });
    return link;
  }

  async settings(): Promise<HubSettings> {
    const { id: _id, ...settings } = await this.deps.storage.settings.get();
    return settings;
  }

  async updateSettings(admin: UserRecord, patch: Partial<HubSettings>): Promise<HubSettings> {
    const { id: _id, ...settings } = await this.deps.storage.settings.update(patch);
    await this.deps.storage.audit.append('accounts', {
      action: 'settings-changed',
      actorId: admin.id,
      detail: JSON.stringify(patch),
    });
    return settings;
  }

  private async mustGet(userId: UserId): Promise<UserRecord> {
    const user = await this.deps.storage.users.get(userId);
    if (!user) throw notFound();
    return user;
  }
}

const notFound = () => new DomainError('NOT_FOUND', 'No account with this id.');
const lastAdmin = () =>
  new DomainError(
    'LAST_ADMIN',
    'This is the only admin of the hub. Make someone else an admin first.',
  );
