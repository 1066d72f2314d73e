import { randomUUID } from 'node:crypto';
import type { UserId } from '../../../src-shared/ids';
import type {
  Account,
  RegisterRequest,
  RegisterResponse,
} from '../../../src-shared/schemas/accounts';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import { pageOf, windowOf } from '../paging';
import { canApprove, type Actor } from '../../../src-shared/permissions';
import { DomainError, fieldError } from '../../domain-error';
import { UniqueViolation } from '../../storage/errors';
import type { UserRecord } from '../../storage/records';
import { ACCOUNT_LINK_REPOSITORIES, AccountLinks } from './account-links';
import { assertPasswordAllowed } from './password-rules';
import type { AuthService } from './auth-service';
import type { AccountsDeps } from './deps';
import { toAccount } from './views';

/** The repositories RegistrationService reads and writes (createHub hands it exactly these). */
export const REGISTRATION_REPOSITORIES = [
  ...ACCOUNT_LINK_REPOSITORIES,
  'audit',
  'settings',
  'users',
] as const;

/** Registration, verification (approval or email), and password reset by link. */
export class RegistrationService {
  private readonly links: AccountLinks;

  constructor(
    private readonly deps: AccountsDeps<(typeof REGISTRATION_REPOSITORIES)[number]>,
    private readonly auth: AuthService,
  ) {
    this.links = new AccountLinks(deps);
  }

  async register(input: RegisterRequest, address: string): Promise<RegisterResponse> {
    const { storage, hasher, bus } = this.deps;
    await this.deps.throttles.consumeSignup(address);
    if (input.confirmPassword !== undefined && input.confirmPassword !== input.password)
      throw fieldError(
        'confirmPassword',
        'The two passwords do not match. Type the same one twice.',
      );
    assertPasswordAllowed(input.password, input, this.deps.isCommonPassword);
    await this.assertAvailable(input.username, input.email);
    const passwordHash = await hasher.hash(input.password);
    const { verification } = await storage.settings.get();
    const record = (existingAccounts: number): UserRecord => {
      const first = existingAccounts === 0;
      const active = first || verification === 'none';
      const now = this.deps.now().toISOString();
      return {
        id: randomUUID() as UserId,
        username: input.username,
        email: input.email,
        firstName: input.firstName,
        lastName: input.lastName,
        role: input.role,
        isAdmin: first,
        status: active ? 'active' : 'pending',
        ...(active
          ? {}
          : { awaiting: verification === 'email' ? ('email' as const) : ('approval' as const) }),
        emailVerified: false,
        passwordHash,
        bio: '',
        // EduStream's student profile started with the date of joining; the student may change it.
        ...(input.role === 'student' ? { student: { enrolmentDate: now.slice(0, 10) } } : {}),
        createdAt: now,
        updatedAt: now,
      };
    };
    let user: UserRecord;
    try {
      // Counted and inserted as one step by storage: two first registrations never both become admin.
      user = await storage.users.insertCounted(record);
    } catch (error) {
      if (error instanceof UniqueViolation) throw takenError(error.key);
      throw error;
    }
    await storage.audit.append('accounts', {
      action: user.isAdmin ? 'registered-admin' : 'registered',
      subjectId: user.id,
    });
    bus.publish('account.registered', { user });
    if (user.status === 'active') {
      return {
        account: toAccount(user),
        nextStep: 'signed-in',
        tokens: await this.auth.startSession(user),
      };
    }
    if (user.awaiting === 'email') await this.sendVerification(user);
    return {
      account: toAccount(user),
      nextStep: user.awaiting === 'email' ? 'verify-email' : 'await-approval',
    };
  }

  async verifyEmail(token: string): Promise<Account> {
    const link = await this.links.redeem(token, 'verify-email');
    const user = await this.deps.storage.users.update(link.userId, (u) => ({
      ...u,
      emailVerified: true,
      ...(u.awaiting === 'email' ? { status: 'active' as const, awaiting: undefined } : {}),
      updatedAt: this.deps.now().toISOString(),
    }));
    if (!user) throw new DomainError('NOT_FOUND', 'This account no longer exists.');
    this.deps.bus.publish('account.updated', { user });
    return toAccount(user);
  }

  /** Answers the same whether or not the address is known, so it cannot be used to find accounts. */
  async resendVerification(email: string, address: string): Promise<void> {
    await this.deps.throttles.consumeMail(address);
    const user = await this.deps.storage.users.findByEmail(email);
    if (user && !user.emailVerified && user.status !== 'rejected')
      await this.sendVerification(user);
  }

  async forgotPassword(email: string, address: string): Promise<void> {
    await this.deps.throttles.consumeMail(address);
    const user = await this.deps.storage.users.findByEmail(email);
    if (!user || user.status === 'rejected') return;
    const link = await this.links.create(user, 'reset-password');
    await this.mail(
      user,
      'Reset your ClassHub password',
      `Someone asked to reset the password of ${user.username}. If it was you, open this link within an hour:\n\n${link.url}\n\nIf not, ignore this email.`,
      link.url,
    );
  }

  /** A reset link an admin hands over in person (no email needed). */
  async createResetLink(user: UserRecord): Promise<{ resetUrl: string; expiresAt: string }> {
    const link = await this.links.create(user, 'reset-password');
    await this.auth.signOutEverywhere(user.id, 'password-changed');
    return { resetUrl: link.url, expiresAt: link.expiresAt };
  }

  async resetPassword(token: string, password: string): Promise<void> {
    const link = await this.links.redeem(token, 'reset-password');
    const user = await this.deps.storage.users.get(link.userId);
    if (!user) throw new DomainError('NOT_FOUND', 'This account no longer exists.');
    assertPasswordAllowed(password, user, this.deps.isCommonPassword);
    const passwordHash = await this.deps.hasher.hash(password);
    // Following a link from the mailbox proves the address, so it also verifies it.
    const updated = await this.deps.storage.users.update(user.id, (u) => ({
      ...u,
      passwordHash,
      emailVerified: true,
      ...(u.awaiting === 'email' ? { status: 'active' as const, awaiting: undefined } : {}),
      updatedAt: this.deps.now().toISOString(),
    }));
    await this.auth.signOutEverywhere(user.id, 'password-changed');
    await this.deps.storage.audit.append('accounts', {
      action: 'password-reset',
      subjectId: user.id,
    });
    if (updated) this.deps.bus.publish('account.updated', { user: updated });
  }

  async pending(actor: Actor, query: PageQuery): Promise<Page<Account>> {
    const slice = await this.deps.storage.users.search({
      ...windowOf(query),
      matchEmail: true,
      statuses: ['pending'],
      ...(actor.isAdmin ? {} : { role: 'student' as const }),
    });
    return pageOf(slice, query, toAccount);
  }

  async decide(
    actor: Actor & { id: UserId },
    userId: UserId,
    decision: 'approve' | 'reject',
  ): Promise<Account> {
    const { storage, bus } = this.deps;
    const candidate = await storage.users.get(userId);
    if (!candidate) throw new DomainError('NOT_FOUND', 'No account with this id.');
    if (!canApprove(actor, candidate)) {
      throw new DomainError(
        'FORBIDDEN',
        'Teachers can approve student accounts only; ask the hub admin.',
      );
    }
    if (candidate.status !== 'pending') {
      throw new DomainError(
        'CONFLICT',
        `This account is already ${candidate.status === 'active' ? 'approved' : 'declined'}.`,
      );
    }
    const user = await storage.users.update(userId, (u) => ({
      ...u,
      status: decision === 'approve' ? 'active' : 'rejected',
      awaiting: undefined,
      updatedAt: this.deps.now().toISOString(),
    }));
    if (!user) throw new DomainError('NOT_FOUND', 'No account with this id.');
    await storage.audit.append('accounts', {
      action: decision === 'approve' ? 'approved' : 'rejected',
      actorId: actor.id,
      subjectId: userId,
    });
    bus.publish(decision === 'approve' ? 'account.approved' : 'account.rejected', {
      user,
      approverId: actor.id,
    });
    bus.publish('account.updated', { user });
    return toAccount(user);
  }

  private async assertAvailable(username: string, email: string): Promise<void> {
    if (await this.deps.storage.users.findByUsername(username)) throw takenError('username');
    if (await this.deps.storage.users.findByEmail(email)) throw takenError('email');
  }

  private async sendVerification(user: UserRecord): Promise<void> {
    const link = await this.links.create(user, 'verify-email');
    await this.mail(
      user,
      'Confirm your ClassHub account',
      `Welcome to ClassHub, ${user.firstName}! Confirm your email address by opening this link within 48 hours:\n\n${link.url}`,
      link.url,
    );
  }

  /** A failed email must not fail the request: the person can ask for the link again. */
  private async mail(user: UserRecord, subject: string, text: string, link: string): Promise<void> {
    try {
      await this.deps.mailer.send({ to: user.email, subject, text, link });
    } catch (error) {
      this.deps.logger.error({ err: error, to: user.email }, 'could not send email');
    }
  }
}

export function takenError(key: string): DomainError {
  return key === 'email'
    ? fieldError(
        'email',
        'An account with this email address already exists. Sign in or reset your password.',
        'EMAIL_TAKEN',
      )
    : fieldError('username', 'This username is taken. Try another one.', 'USERNAME_TAKEN');
}
