import { randomUUID } from 'node:crypto';
import type { RevokedNotice } from '../../../src-shared/events';
import type { AuthSessionId, UserId } from '../../../src-shared/ids';
import type {
  SignInRequest,
  SignInResponse,
  TokenPair,
} from '../../../src-shared/schemas/accounts';
import { DomainError, fieldError } from '../../domain-error';
import type { AuthSessionRecord, UserRecord } from '../../storage/records';
import type { AccountsDeps } from './deps';
import { FailedSignIns } from './failed-sign-ins';
import { assertPasswordAllowed } from './password-rules';
import { composeToken, hashToken, newSecret, sameHash, splitToken } from './tokens';
import { toAccount } from './views';

export interface Authenticated {
  readonly user: UserRecord;
  readonly session: AuthSessionRecord;
}

/** How stale the admin's "last signed in" may get before a sign-in rewrites the user record. */
const LAST_SIGN_IN_PRECISION_MS = 60 * 60_000;

const INVALID = () => new DomainError('INVALID_CREDENTIALS', 'Username or password is incorrect.');

/** The repositories AuthService reads and writes (createHub hands it exactly these). */
export const AUTH_REPOSITORIES = ['audit', 'authSessions', 'users'] as const;

/** Sign-in, token refresh and revocation. A sign-in is an auth session: one per device. */
export class AuthService {
  /** Wrong passwords per account since its last sign-in, told to the owner once. */
  private readonly failedSignIns = new FailedSignIns();

  constructor(private readonly deps: AccountsDeps<(typeof AUTH_REPOSITORIES)[number]>) {}

  async signIn(input: SignInRequest, address: string): Promise<SignInResponse> {
    const { storage, hasher, throttles } = this.deps;
    // Indexed look-ups (unique username/email), so the throttle keys by the account
    // whatever was typed: username and email share one budget.
    const user = input.username.includes('@')
      ? await storage.users.findByEmail(input.username)
      : await storage.users.findByUsername(input.username);
    const attempt = { account: user?.id ?? `typed:${input.username.toLowerCase()}`, address };
    await throttles.assertSignInAllowed(attempt);
    const passwordOk = user
      ? await hasher.verify(input.password, user.passwordHash)
      : await hasher.verifyNobody(input.password);
    if (!user || !passwordOk) {
      await throttles.recordSignInFailure(attempt);
      if (user) this.failedSignIns.record(user.id, address, this.deps.now());
      throw INVALID();
    }
    await throttles.recordSignInSuccess(attempt);
    assertMaySignIn(user);
    const signedIn = await this.noteSignIn(user);
    const tokens = await this.startSession(signedIn, input.device);
    await storage.audit.append('accounts', { action: 'signed-in', actorId: user.id });
    const failedSignIns = this.failedSignIns.take(user.id);
    return { account: toAccount(signedIn), tokens, ...(failedSignIns ? { failedSignIns } : {}) };
  }

  /**
   * lastSignInAt only tells admins who still uses the hub, so it is kept to the
   * hour: a class signing in at 9:00 does not rewrite thirty user records.
   */
  private async noteSignIn(user: UserRecord): Promise<UserRecord> {
    const now = this.deps.now();
    const last = user.lastSignInAt ? Date.parse(user.lastSignInAt) : Number.NEGATIVE_INFINITY;
    if (now.getTime() - last < LAST_SIGN_IN_PRECISION_MS) return user;
    const updated = await this.deps.storage.users.update(user.id, (u) => ({
      ...u,
      lastSignInAt: now.toISOString(),
    }));
    return updated ?? user;
  }

  /** Creates a device sign-in for an account that may sign in. */
  async startSession(user: UserRecord, device?: string): Promise<TokenPair> {
    const id = randomUUID() as AuthSessionId;
    const { record, tokens } = this.rotate({
      id,
      userId: user.id,
      createdAt: this.deps.now().toISOString(),
      ...(device ? { device } : {}),
    });
    await this.deps.storage.authSessions.insert(record);
    return tokens;
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const parts = splitToken(refreshToken);
    const session =
      parts && (await this.deps.storage.authSessions.get(parts.sessionId as AuthSessionId));
    if (!parts || !session)
      throw new DomainError('TOKEN_REVOKED', 'This sign-in has ended. Sign in again.');
    const presented = hashToken(parts.secret);
    if (session.previousRefreshHash && sameHash(presented, session.previousRefreshHash)) {
      // An old refresh token came back: someone else holds a copy. End the sign-in for both.
      await this.revoke(session.userId, [session.id], 'signed-out');
      this.deps.logger.warn(
        { userId: session.userId },
        'a rotated refresh token was reused; sign-in revoked',
      );
      throw new DomainError(
        'TOKEN_REVOKED',
        'This sign-in was ended for safety because an old token was reused. Sign in again.',
      );
    }
    if (!sameHash(presented, session.refreshHash))
      throw new DomainError('TOKEN_REVOKED', 'This sign-in has ended. Sign in again.');
    if (new Date(session.refreshExpiresAt) <= this.deps.now()) {
      await this.deps.storage.authSessions.delete(session.id);
      throw new DomainError('TOKEN_EXPIRED', 'Your sign-in has expired. Sign in again.');
    }
    const user = await this.deps.storage.users.get(session.userId);
    if (!user) throw new DomainError('TOKEN_REVOKED', 'This account no longer exists.');
    assertMaySignIn(user);
    const { record, tokens } = this.rotate(session);
    await this.deps.storage.authSessions.update(session.id, () => record);
    return tokens;
  }

  /** Resolves a bearer token to its account; every REST call and socket handshake comes through here. */
  async authenticate(accessToken: string): Promise<Authenticated> {
    const parts = splitToken(accessToken);
    const session =
      parts && (await this.deps.storage.authSessions.get(parts.sessionId as AuthSessionId));
    if (!parts || !session || !sameHash(hashToken(parts.secret), session.accessHash)) {
      throw new DomainError('TOKEN_REVOKED', 'You are signed out. Sign in again.');
    }
    if (new Date(session.accessExpiresAt) <= this.deps.now()) {
      throw new DomainError('TOKEN_EXPIRED', 'Your access token has expired; refresh it.');
    }
    const user = await this.deps.storage.users.get(session.userId);
    if (!user) throw new DomainError('TOKEN_REVOKED', 'This account no longer exists.');
    assertMaySignIn(user);
    return { user, session };
  }

  /** A signed download link's sign-in: good while that sign-in has not ended (see download-links.ts). */
  async authenticateLink(authSessionId: string): Promise<Authenticated> {
    const session = await this.deps.storage.authSessions.get(authSessionId as AuthSessionId);
    if (!session || new Date(session.refreshExpiresAt) <= this.deps.now())
      throw new DomainError('TOKEN_REVOKED', 'You are signed out. Sign in again.');
    const user = await this.deps.storage.users.get(session.userId);
    if (!user) throw new DomainError('TOKEN_REVOKED', 'This account no longer exists.');
    assertMaySignIn(user);
    return { user, session };
  }

  async changePassword(
    auth: Authenticated,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const { storage, hasher } = this.deps;
    if (!(await hasher.verify(currentPassword, auth.user.passwordHash))) {
      throw fieldError(
        'currentPassword',
        'Your current password is not right.',
        'INVALID_CREDENTIALS',
      );
    }
    assertPasswordAllowed(newPassword, auth.user, this.deps.isCommonPassword, 'newPassword');
    const passwordHash = await hasher.hash(newPassword);
    await storage.users.update(auth.user.id, (u) => ({
      ...u,
      passwordHash,
      updatedAt: this.deps.now().toISOString(),
    }));
    // Whoever knew the old password is signed out; this device stays signed in.
    await this.signOutEverywhere(auth.user.id, 'password-changed', auth.session.id);
    await storage.audit.append('accounts', { action: 'password-changed', actorId: auth.user.id });
  }

  userOf(id: UserId): Promise<UserRecord | undefined> {
    return this.deps.storage.users.get(id);
  }

  async signOut(auth: Authenticated): Promise<void> {
    await this.revoke(auth.user.id, [auth.session.id], 'signed-out');
  }

  async signOutEverywhere(
    userId: UserId,
    reason: RevokedNotice['reason'] = 'signed-out-everywhere',
    keep?: AuthSessionId,
  ): Promise<void> {
    const sessions = await this.deps.storage.authSessions.listForUser(userId);
    const ended = sessions.map((s) => s.id).filter((id) => id !== keep);
    await this.revoke(userId, ended, reason);
  }

  private async revoke(
    userId: UserId,
    sessionIds: AuthSessionId[],
    reason: RevokedNotice['reason'],
  ): Promise<void> {
    for (const id of sessionIds) await this.deps.storage.authSessions.delete(id);
    if (sessionIds.length > 0)
      this.deps.bus.publish('auth.revoked', { userId, sessionIds, reason });
  }

  private rotate(
    session: Pick<AuthSessionRecord, 'id' | 'userId' | 'createdAt' | 'device'> &
      Partial<AuthSessionRecord>,
  ): { record: AuthSessionRecord; tokens: TokenPair } {
    const { config, now } = this.deps;
    const access = newSecret();
    const refresh = newSecret();
    const at = now();
    const accessExpiresAt = new Date(
      at.getTime() + config.accessTokenMinutes * 60_000,
    ).toISOString();
    const refreshExpiresAt = new Date(
      at.getTime() + config.refreshTokenDays * 86_400_000,
    ).toISOString();
    const record: AuthSessionRecord = {
      id: session.id,
      userId: session.userId,
      createdAt: session.createdAt,
      ...(session.device ? { device: session.device } : {}),
      ...(session.refreshHash ? { previousRefreshHash: session.refreshHash } : {}),
      accessHash: hashToken(access),
      accessExpiresAt,
      refreshHash: hashToken(refresh),
      refreshExpiresAt,
      refreshedAt: at.toISOString(),
    };
    return {
      record,
      tokens: {
        accessToken: composeToken(session.id, access),
        accessTokenExpiresAt: accessExpiresAt,
        refreshToken: composeToken(session.id, refresh),
        refreshTokenExpiresAt: refreshExpiresAt,
      },
    };
  }
}

/** Only after the password is known to be right, so these answers reveal nothing to a guesser. */
export function assertMaySignIn(user: UserRecord): void {
  if (user.status === 'active') return;
  if (user.status === 'rejected') {
    throw new DomainError(
      'ACCOUNT_REJECTED',
      'This account was not approved. Ask your teacher or the hub admin.',
    );
  }
  if (user.awaiting === 'email') {
    throw new DomainError(
      'ACCOUNT_UNVERIFIED',
      `Confirm your email address first: open the link we sent to ${user.email}.`,
    );
  }
  throw new DomainError(
    'ACCOUNT_PENDING',
    'Your account is waiting for approval by a teacher or the hub admin.',
  );
}
