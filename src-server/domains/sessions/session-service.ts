import { randomUUID } from 'node:crypto';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { UserId } from '../../../src-shared/ids';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type { Member, Session, SessionId } from '../../../src-shared/schemas/sessions';
import { MAX_SESSION_MINUTES } from '../../../src-shared/schemas/sessions';
import type { z } from 'zod';
import type {
  createSessionRequestSchema,
  sessionListQuerySchema,
  updateSessionRequestSchema,
} from '../../../src-shared/schemas/sessions';
import { DomainError, fieldError } from '../../domain-error';
import { UniqueViolation } from '../../storage/errors';
import type { SessionRecord, UserRecord } from '../../storage/records';
import { ACCESS_REPOSITORIES } from '../access/ports';
import type { DomainDeps } from '../deps';
import { assertMayHostFor } from '../access/course-access';
import {
  assertHost,
  assertInCourseOf,
  sessionAccess,
  type SessionAccess,
} from '../access/session-access';
import { tooManyGuesses, withFreshToken } from './join-token';
import { toMember, toSession, type Viewer } from './views';
import { pageOfList } from '../paging';

type CreateSession = z.output<typeof createSessionRequestSchema>;
type UpdateSession = z.output<typeof updateSessionRequestSchema>;
type SessionListQuery = z.output<typeof sessionListQuerySchema>;

export const SESSION_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'posts',
  'comments',
  'uploads',
  'coordination',
] as const;
type SessionRepository = (typeof SESSION_REPOSITORIES)[number];

/** Sessions and their membership: hosting, joining by token, leaving, removing and blocking. */
export class SessionService {
  /** Wrong tokens per person: 10 guesses per 10 minutes leaves 44-bit tokens far out of reach. */
  private readonly wrongTokens: RateLimiterAbstract;

  constructor(private readonly deps: DomainDeps<SessionRepository>) {
    // Counted where every hub node sees them, so guesses spread over nodes add up.
    this.wrongTokens = deps.storage.coordination.limiter({
      keyPrefix: 'join-token-guesses',
      points: 10,
      duration: 600,
    });
  }

  async list(actor: UserRecord, query: SessionListQuery): Promise<Page<Session>> {
    const { storage } = this.deps;
    const memberships = (await storage.sessionMembers.listForUser(actor.id)).filter(
      (m) => m.status === 'active',
    );
    const roleOf = new Map(memberships.map((m) => [m.sessionId as string, m.role]));
    let candidates: SessionRecord[];
    if (query.scope === 'all' && actor.isAdmin) candidates = await storage.sessions.all();
    else {
      const wanted = memberships.filter(
        (m) => query.scope === 'all' || (query.scope === 'hosted') === (m.role === 'host'),
      );
      candidates = (await Promise.all(wanted.map((m) => storage.sessions.get(m.sessionId)))).filter(
        (s) => s !== undefined,
      );
      candidates.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    }
    if (query.q) candidates = await this.matching(candidates, query.q);
    return pageOfList(candidates, query, (session) =>
      toSession(storage, session, this.viewerOf(actor, session), roleOf.get(session.id) ?? null),
    );
  }

  async create(actor: UserRecord, input: CreateSession): Promise<Session> {
    this.assertFutureExpiry(input.joinTokenExpiresAt);
    const times = meetingTimes(input.startsAt, input.endsAt);
    if (input.courseId) await assertMayHostFor(this.deps.storage, actor, input.courseId);
    const now = this.deps.now().toISOString();
    const session = await withFreshToken((joinToken) =>
      this.deps.storage.sessions.insert({
        id: randomUUID() as SessionId,
        title: input.title,
        description: input.description,
        hostId: actor.id,
        joinToken,
        ...(input.courseId ? { courseId: input.courseId } : {}),
        ...(input.joinTokenExpiresAt ? { joinTokenExpiresAt: input.joinTokenExpiresAt } : {}),
        ...times,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await this.deps.storage.sessionMembers.insert({
      id: '',
      sessionId: session.id,
      userId: actor.id,
      role: 'host',
      status: 'active',
      joinedAt: now,
    });
    this.deps.bus.publish('session.created', { session });
    return toSession(this.deps.storage, session, this.viewerOf(actor, session), 'host');
  }

  async get(actor: UserRecord, sessionId: SessionId): Promise<Session> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    return this.view(actor, access);
  }

  async update(actor: UserRecord, sessionId: SessionId, patch: UpdateSession): Promise<Session> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertHost(access, 'edit this session');
    if (patch.joinTokenExpiresAt) this.assertFutureExpiry(patch.joinTokenExpiresAt);
    const { startsAt: newStart, endsAt: newEnd, ...fields } = patch;
    const times = meetingTimes(
      newStart === undefined ? access.session.startsAt : (newStart ?? undefined),
      newEnd === undefined ? access.session.endsAt : (newEnd ?? undefined),
    );
    const session = await this.deps.storage.sessions.update(sessionId, (s) => {
      const {
        joinTokenExpiresAt,
        startsAt: _s,
        endsAt: _e,
        ...rest
      } = {
        ...s,
        ...fields,
        updatedAt: this.deps.now().toISOString(),
      };
      return { ...rest, ...(joinTokenExpiresAt ? { joinTokenExpiresAt } : {}), ...times };
    });
    if (!session) throw gone();
    this.deps.bus.publish('session.updated', { session });
    return this.view(actor, { ...access, session });
  }

  async regenerateToken(actor: UserRecord, sessionId: SessionId): Promise<Session> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertHost(access, 'change the join token');
    const session = await withFreshToken((joinToken) =>
      this.deps.storage.sessions.update(sessionId, (s) => ({
        ...s,
        joinToken,
        updatedAt: this.deps.now().toISOString(),
      })),
    );
    if (!session) throw gone();
    return this.view(actor, { ...access, session });
  }

  async delete(actor: UserRecord, sessionId: SessionId): Promise<void> {
    const { storage, bus } = this.deps;
    const access = await sessionAccess(storage, actor, sessionId);
    if (!access.viewer.isHost && !actor.isAdmin)
      throw new DomainError('FORBIDDEN', 'Only the host can delete this session.');
    const memberIds = (await storage.sessionMembers.listForSession(sessionId)).map((m) => m.userId);
    const fileIds = (await storage.posts.listForSession(sessionId)).flatMap((post) =>
      post.files.map((f) => f.id),
    );
    await storage.comments.deleteForSession(sessionId);
    await storage.posts.deleteForSession(sessionId);
    await storage.uploads.deleteMany(fileIds); // the files go with the session; bytes are collected later
    await storage.sessionMembers.deleteForSession(sessionId);
    await storage.sessions.delete(sessionId);
    bus.publish('session.deleted', { session: access.session, memberIds, actorId: actor.id });
  }

  async join(actor: UserRecord, token: string, address: string): Promise<Session> {
    const { storage, bus } = this.deps;
    const guessKey = `${actor.id}|${address}`;
    const guesses = await this.wrongTokens.get(guessKey);
    if (guesses && guesses.consumedPoints >= 10) throw tooManyGuesses(guesses);
    const session = await storage.sessions.findByJoinToken(token);
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
    return toSession(storage, session, this.viewerOf(actor, session), 'member');
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
    const viewer = this.viewerOf(actor, access.session);
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
      return toMember(storage, blocked!, this.viewerOf(actor, access.session));
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

  private view(actor: UserRecord, access: SessionAccess): Promise<Session> {
    return toSession(
      this.deps.storage,
      access.session,
      this.viewerOf(actor, access.session),
      access.membership?.role ?? null,
    );
  }

  viewerOf(actor: UserRecord, session: SessionRecord): Viewer {
    return {
      user: actor,
      session: { userId: actor.id, isHost: session.hostId === actor.id, isAdmin: actor.isAdmin },
    };
  }

  private async matching(sessions: SessionRecord[], q: string): Promise<SessionRecord[]> {
    const words = q.toLowerCase().split(/\s+/).filter(Boolean);
    const results: SessionRecord[] = [];
    for (const session of sessions) {
      const host = await this.deps.storage.users.get(session.hostId);
      const haystack =
        `${session.title} ${host?.username ?? ''} ${host?.firstName ?? ''} ${host?.lastName ?? ''}`.toLowerCase();
      if (words.every((word) => haystack.includes(word))) results.push(session);
    }
    return results;
  }

  private assertFutureExpiry(expiresAt: string | undefined): void {
    if (expiresAt && new Date(expiresAt) <= this.deps.now()) {
      throw fieldError('joinTokenExpiresAt', 'Choose an expiry in the future.');
    }
  }
}

/** A scheduled meeting has both times, in order, at most a day apart; none at all is fine. */
function meetingTimes(
  startsAt: string | undefined,
  endsAt: string | undefined,
): { startsAt: string; endsAt: string } | Record<string, never> {
  if (startsAt === undefined && endsAt === undefined) return {};
  if (startsAt === undefined)
    throw fieldError('startsAt', 'Give the meeting a start time too, or clear its end.');
  if (endsAt === undefined)
    throw fieldError('endsAt', 'Give the meeting an end time too, or clear its start.');
  const minutes = (Date.parse(endsAt) - Date.parse(startsAt)) / 60_000;
  if (minutes <= 0) throw fieldError('endsAt', 'The meeting must end after it starts.');
  if (minutes > MAX_SESSION_MINUTES)
    throw fieldError('endsAt', 'A meeting can last at most 24 hours.');
  return { startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() };
}

const gone = () =>
  new DomainError('NOT_FOUND', 'This session does not exist (it may have been deleted).');
