import { randomUUID } from 'node:crypto';
import type { StatusUpdateId } from '../../../src-shared/ids';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import { canSeeEmails } from '../../../src-shared/permissions';
import type {
  Account,
  Profile,
  StatusUpdate,
  UpdateProfileRequest,
  UserSearchQuery,
  UserSummary,
} from '../../../src-shared/schemas/accounts';
import { DomainError, fieldError } from '../../domain-error';
import type { StatusUpdateRecord, UserRecord } from '../../storage/records';
import { pageOf, windowOf } from '../paging';
import type { AccountsDeps } from './deps';
import { toAccount, toProfile, toSummary } from './views';

/** The repositories ProfileService reads and writes (createHub hands it exactly these). */
export const PROFILE_REPOSITORIES = ['statusUpdates', 'users'] as const;

/** Profiles, avatars, status updates and user search. */
export class ProfileService {
  constructor(private readonly deps: AccountsDeps<(typeof PROFILE_REPOSITORIES)[number]>) {}

  async updateProfile(actor: UserRecord, patch: UpdateProfileRequest): Promise<Account> {
    if (patch.student && actor.role !== 'student')
      throw fieldError('student', 'Student fields apply to student accounts only.');
    if (patch.teacher && actor.role !== 'teacher')
      throw fieldError('teacher', 'Teacher fields apply to teacher accounts only.');
    return this.change(actor, (u) => ({
      ...u,
      ...(patch.firstName !== undefined ? { firstName: patch.firstName } : {}),
      ...(patch.lastName !== undefined ? { lastName: patch.lastName } : {}),
      ...(patch.bio !== undefined ? { bio: patch.bio } : {}),
      ...(patch.student ? { student: { ...u.student, ...patch.student } } : {}),
      ...(patch.teacher ? { teacher: { ...u.teacher, ...patch.teacher } } : {}),
    }));
  }

  async setAvatar(actor: UserRecord, avatar: UserRecord['avatar']): Promise<Account> {
    return this.change(actor, (u) => ({ ...u, avatar }));
  }

  async change(actor: UserRecord, edit: (u: UserRecord) => UserRecord): Promise<Account> {
    const user = await this.deps.storage.users.update(actor.id, (u) => ({
      ...edit(u),
      updatedAt: this.deps.now().toISOString(),
    }));
    if (!user) throw new DomainError('NOT_FOUND', 'This account no longer exists.');
    this.deps.bus.publish('account.updated', { user });
    return toAccount(user);
  }

  async search(viewer: UserRecord, query: UserSearchQuery): Promise<Page<UserSummary>> {
    const slice = await this.deps.storage.users.search({
      ...windowOf(query),
      ...(query.q ? { text: query.q } : {}),
      ...(query.role ? { role: query.role } : {}),
      matchEmail: canSeeEmails(viewer),
      // Pending and declined accounts are not people others can reach yet.
      statuses: ['active'],
    });
    return pageOf(slice, query, (user) => toSummary(user, viewer));
  }

  async profile(viewer: UserRecord, username: string): Promise<Profile> {
    return toProfile(await this.visibleUser(viewer, username), viewer);
  }

  /** Admins see every account; everyone else sees active ones only. */
  async visibleUser(viewer: Pick<UserRecord, 'isAdmin'>, username: string): Promise<UserRecord> {
    const user = await this.deps.storage.users.findByUsername(username);
    if (!user || (user.status !== 'active' && !viewer.isAdmin)) {
      throw new DomainError('NOT_FOUND', `No one with the username "${username}" is on this hub.`);
    }
    return user;
  }

  async postStatusUpdate(actor: UserRecord, text: string): Promise<StatusUpdate> {
    const update: StatusUpdateRecord = {
      id: randomUUID() as StatusUpdateId,
      authorId: actor.id,
      text,
      createdAt: this.deps.now().toISOString(),
    };
    await this.deps.storage.statusUpdates.insert(update);
    this.deps.bus.publish('status-update.posted', { update });
    return { id: update.id, author: toSummary(actor, actor), text, createdAt: update.createdAt };
  }

  async statusUpdates(
    viewer: UserRecord,
    username: string,
    query: PageQuery,
  ): Promise<Page<StatusUpdate>> {
    const author = await this.visibleUser(viewer, username);
    const slice = await this.deps.storage.statusUpdates.pageByAuthor(author.id, windowOf(query));
    const summary = toSummary(author, viewer);
    return pageOf(slice, query, (u) => ({
      id: u.id,
      author: summary,
      text: u.text,
      createdAt: u.createdAt,
    }));
  }

  async deleteStatusUpdate(actor: UserRecord, id: StatusUpdateId): Promise<void> {
    const update = await this.deps.storage.statusUpdates.get(id);
    if (!update)
      throw new DomainError(
        'NOT_FOUND',
        'This status update does not exist (it may be deleted already).',
      );
    if (update.authorId !== actor.id && !actor.isAdmin) {
      throw new DomainError('FORBIDDEN', 'You can delete only your own status updates.');
    }
    await this.deps.storage.statusUpdates.delete(id);
    this.deps.bus.publish('status-update.deleted', { update });
  }
}
