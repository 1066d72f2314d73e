import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { UserId } from '../../../src-shared/ids';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type { Member, Session, SessionId } from '../../../src-shared/schemas/sessions';
import { DomainError } from '../../domain-error';
import { UniqueViolation } from '../../storage/errors';
import type { SessionRecord, UserRecord } from '../../storage/records';
import { ACCESS_REPOSITORIES } from '../access/ports';
import { assertHost, assertInCourseOf, sessionAccess } from '../access/session-access';
import type { DomainDeps } from '../deps';
import { pageOfList } from '../paging';
import { tooManyGuesses } from './join-token';
import { viewerOf } from './session-viewer';
import { toMember, toSession } from './views';

export const MEMBERSHIP_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'comments',
  'coordination',
] as const;
type MembershipRepository = (typeof MEMBERSHIP_REPOSITORIES)[number];

/** Who is in a session: joining by token, leaving, the member list, removing and blocking. */
export class SessionMembershipService {
  /** Wrong tokens per person: 10 guesses per 10 minutes leaves 44-bit tokens far out of reach. */
  private readonly wrongTokens: RateLimiterAbstract;

  constructor(private readonly deps: DomainDeps<MembershipRepository>) {
    // Counted where every hub node sees them, so guesses spread over nodes add up.
    this.wrongTokens = deps.storage.coordination.limiter({
      keyPrefix: 'join-token-guesses',
      points: 10,
      duration: 600,
    });
  }

  async join(actor: UserRecord, token: string, address: string): Promise<Session> {
    const { storage, bus } = this.deps;
    const session = await this.sessionOfToken(`${actor.id}|${address}`, token);
    const existing = await storage.sessionMembers.get(session.id, actor.id);
    if (existing?.status === 'blocked')
      throw new DomainError('FORBIDDEN', 'The host has blocked you from this session.');
    if (existing) throw new DomainError('CONFLICT', `You are already in “${session.title}”.`);
    await assertInCourseOf(storage, actor, session);
    try {
      const member = await storage.sessionMembers.insert({
        id: '',
        sessionId: session.id,
        userId: actor.id,
        role: 'member',
        status: 'active',
        joinedAt: this.deps.now().toISOString(),
      });
      bus.publish('session.member-joined', { member, session });
    } catch (error) {
      if (error instanceof UniqueViolation)
        throw new DomainError('CONFLICT', `You are already in “${session.title}”.`);
      throw error;
    }
    return toSession(storage, session, viewerOf(actor, session), 'member');
  }

  async leave(actor: UserRecord, sessionId: SessionId): Promise<void> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    if (access.viewer.isHost)
      throw new DomainError(
        'CONFLICT',
        'A host cannot leave their own session; delete it instead.',
      );
    if (!access.membership)
      throw new DomainError('FORBIDDEN', 'You are not a member of this session.');
    await this.deps.storage.sessionMembers.delete(sessionId, actor.id);
    this.deps.bus.publish('session.member-left', {
      member: access.membership,
      reason: 'left',
      actorId: actor.id,
    });
  }

  async members(actor: UserRecord, sessionId: SessionId, query: PageQuery): Promise<Page<Member>> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    const mayManage = access.viewer.isHost || actor.isAdmin;
    const all = (await this.deps.storage.sessionMembers.listForSession(sessionId))
      .filter((m) => mayManage || m.status === 'active')
      .sort((a, b) =>
        a.role === b.role ? a.joinedAt.localeCompare(b.joinedAt) : a.role === 'host' ? -1 : 1,
      );
    const viewer = viewerOf(actor, access.session);
    return pageOfList(all, query, (m) => toMember(this.deps.storage, m, viewer));
  }

  async removeMember(
    actor: UserRecord,
    sessionId: SessionId,
    userId: UserId,
    block: boolean,
  ): Promise<Member | undefined> {
    const { storage, bus } = this.deps;
    const access = await sessionAccess(storage, actor, sessionId);
    assertHost(access, block ? 'block members' : 'remove members');
    if (userId === actor.id)
      throw new DomainError(
        'CONFLICT',
        'You host this session; you cannot remove or block yourself.',
      );
    const member = await storage.sessionMembers.get(sessionId, userId);
    if (!member || (!block && member.status === 'blocked'))
      throw new DomainError('NOT_FOUND', 'This person is not a member of the session.');
    if (block) {
      const blocked = await storage.sessionMembers.update(sessionId, userId, (m) => ({
        ...m,
        status: 'blocked',
      }));
      if (member.status === 'active')
        bus.publish('session.member-left', { member, reason: 'blocked', actorId: actor.id });
      return toMember(storage, blocked!, viewerOf(actor, access.session));
    }
    await storage.sessionMembers.delete(sessionId, userId);
    bus.publish('session.member-left', { member, reason: 'removed', actorId: actor.id });
    return undefined;
  }

  async unblock(actor: UserRecord, sessionId: SessionId, userId: UserId): Promise<void> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertHost(access, 'unblock members');
    const member = await this.deps.storage.sessionMembers.get(sessionId, userId);
    if (member?.status !== 'blocked')
      throw new DomainError('NOT_FOUND', 'This person is not blocked in this session.');
    // Unblocking lifts the ban; they come back by joining with the token, like anyone removed.
    await this.deps.storage.sessionMembers.delete(sessionId, userId);
    this.deps.bus.publish('session.member-unblocked', { sessionId, userId, actorId: actor.id });
  }

  /** The session a join token opens, counting wrong guesses per person and address. */
  private async sessionOfToken(guessKey: string, token: string): Promise<SessionRecord> {
    const guesses = await this.wrongTokens.get(guessKey);
    if (guesses && guesses.consumedPoints >= 10) throw tooManyGuesses(guesses);
    const session = await this.deps.storage.sessions.findByJoinToken(token);
    if (!session) {
      await this.wrongTokens.penalty(guessKey, 1);
      throw new DomainError(
        'NOT_FOUND',
        'No session has this join token. Check it with your host (letters and digits, like ABC-DEF-GHJ).',
      );
    }
    if (session.joinTokenExpiresAt && new Date(session.joinTokenExpiresAt) <= this.deps.now()) {
      throw new DomainError('GONE', 'This join token has expired. Ask your host for a new one.');
    }
    return session;
  }
}
