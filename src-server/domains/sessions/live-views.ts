import type { UserId } from '../../../src-shared/ids';
import type {
  Comment,
  Member,
  Post,
  Session,
  SessionId,
} from '../../../src-shared/schemas/sessions';
import type {
  CommentRecord,
  PostRecord,
  SessionMemberRecord,
  SessionRecord,
} from '../../storage/records';
import { sessionAccess } from '../access/session-access';
import { ACCESS_REPOSITORIES } from '../access/ports';
import type { DomainDeps } from '../deps';
import { toComment, toMember, toPost, toSession, type Viewer } from './views';

/** How one person sees a session's live changes, or undefined when they may no longer see it. */
export interface LiveViewer {
  post(post: PostRecord): Promise<Post>;
  comment(comment: CommentRecord, post: PostRecord): Promise<Comment>;
  member(member: SessionMemberRecord): Promise<Member>;
  session(session: SessionRecord): Promise<Session>;
}

export const LIVE_VIEW_REPOSITORIES = [...ACCESS_REPOSITORIES, 'comments'] as const;
type LiveViewRepository = (typeof LIVE_VIEW_REPOSITORIES)[number];

/**
 * The views real-time delivery sends to each person watching a session.
 * Posts and comments carry per-viewer permissions and download rights, so
 * they are built per viewer — after the access module says they may see it.
 */
export class SessionLiveViews {
  constructor(private readonly deps: DomainDeps<LiveViewRepository>) {}

  /** Each person's view of the session, for those who may still see it. */
  async viewersOf(
    sessionId: SessionId,
    userIds: Iterable<UserId>,
  ): Promise<Map<UserId, LiveViewer>> {
    const { storage } = this.deps;
    const viewers = new Map<UserId, LiveViewer>();
    const session = await storage.sessions.get(sessionId);
    if (!session) return viewers;
    for (const userId of new Set(userIds)) {
      const user = await storage.users.get(userId);
      const access = user && (await sessionAccess(storage, user, sessionId).catch(() => undefined));
      if (!user || !access) continue;
      const viewer: Viewer = { user, session: access.viewer };
      const myRole = access.membership?.role ?? null;
      viewers.set(userId, {
        post: (post) => toPost(storage, post, viewer, session.hostId),
        comment: (comment, post) => toComment(storage, comment, viewer, post),
        member: (member) => toMember(storage, member, viewer),
        session: (current) => toSession(storage, current, viewer, myRole),
      });
    }
    return viewers;
  }
}
