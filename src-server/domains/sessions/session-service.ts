import { randomUUID } from 'node:crypto';
import type { Page } from '../../../src-shared/pagination';
import type { Session, SessionId } from '../../../src-shared/schemas/sessions';
import type { z } from 'zod';
import type {
  createSessionRequestSchema,
  sessionListQuerySchema,
  updateSessionRequestSchema,
} from '../../../src-shared/schemas/sessions';
import { DomainError } from '../../domain-error';
import type { SessionRecord, UserRecord } from '../../storage/records';
import { ACCESS_REPOSITORIES } from '../access/ports';
import type { DomainDeps } from '../deps';
import { assertMayHostFor } from '../access/course-access';
import { assertHost, sessionAccess, type SessionAccess } from '../access/session-access';
import { withFreshToken } from './join-token';
import { assertFutureExpiry, meetingTimes } from './session-schedule';
import { removeSession } from './session-removal';
import { viewerOf } from './session-viewer';
import { toSession, type Viewer } from './views';
import { pageOfList } from '../paging';

type CreateSession = z.output<typeof createSessionRequestSchema>;
type UpdateSession = z.output<typeof updateSessionRequestSchema>;
type SessionListQuery = z.output<typeof sessionListQuerySchema>;

export const SESSION_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'posts',
  'comments',
  'uploads',
] as const;
type SessionRepository = (typeof SESSION_REPOSITORIES)[number];

/**
 * Sessions themselves: listing, hosting, editing, a new join token and
 * deleting with everything posted in them. Who is in a session is
 * membership-service.ts.
 */
export class SessionService {
  constructor(private readonly deps: DomainDeps<SessionRepository>) {}

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
    await removeSession(storage, bus, access.session, actor.id);
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
    return viewerOf(actor, session);
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
    assertFutureExpiry(expiresAt, this.deps.now());
  }
}

const gone = () =>
  new DomainError('NOT_FOUND', 'This session does not exist (it may have been deleted).');
