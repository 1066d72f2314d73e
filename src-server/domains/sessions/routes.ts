import type { HandlersFor } from '../handlers';
import type { SessionMembershipService } from './membership-service';
import type { PostService } from './post-service';
import type { SessionService } from './session-service';

type SessionRouteName =
  | 'sessions'
  | 'createSession'
  | 'joinSession'
  | 'session'
  | 'updateSession'
  | 'deleteSession'
  | 'regenerateJoinToken'
  | 'leaveSession'
  | 'members'
  | 'removeMember'
  | 'blockMember'
  | 'unblockMember'
  | 'posts'
  | 'createPost'
  | 'updatePost'
  | 'deletePost'
  | 'removePostFile'
  | 'downloadPostFile'
  | 'comments'
  | 'createComment'
  | 'updateComment'
  | 'deleteComment';

export function sessionRoutes(
  sessions: SessionService,
  memberships: SessionMembershipService,
  posts: PostService,
): HandlersFor<SessionRouteName> {
  return {
    sessions: ({ auth, query }) => sessions.list(auth.user, query),
    createSession: ({ auth, body }) => sessions.create(auth.user, body),
    joinSession: ({ auth, body, address }) => memberships.join(auth.user, body.token, address),
    session: ({ auth, params }) => sessions.get(auth.user, params.sessionId),
    updateSession: ({ auth, params, body }) => sessions.update(auth.user, params.sessionId, body),
    deleteSession: ({ auth, params }) => sessions.delete(auth.user, params.sessionId),
    regenerateJoinToken: ({ auth, params }) =>
      sessions.regenerateToken(auth.user, params.sessionId),
    leaveSession: ({ auth, params }) => memberships.leave(auth.user, params.sessionId),
    members: ({ auth, params, query }) => memberships.members(auth.user, params.sessionId, query),
    removeMember: async ({ auth, params }) => {
      await memberships.removeMember(auth.user, params.sessionId, params.userId, false);
    },
    blockMember: async ({ auth, params }) =>
      (await memberships.removeMember(auth.user, params.sessionId, params.userId, true))!,
    unblockMember: ({ auth, params }) =>
      memberships.unblock(auth.user, params.sessionId, params.userId),

    posts: ({ auth, params, query }) => posts.search(auth.user, params.sessionId, query),
    createPost: ({ auth, params, body }) => posts.create(auth.user, params.sessionId, body),
    updatePost: ({ auth, params, body }) => posts.update(auth.user, params.postId, body),
    deletePost: ({ auth, params }) => posts.delete(auth.user, params.postId),
    removePostFile: ({ auth, params }) => posts.removeFile(auth.user, params.postId, params.fileId),
    downloadPostFile: ({ auth, params }) => posts.download(auth.user, params.postId, params.fileId),
    comments: ({ auth, params, query }) => posts.comments(auth.user, params.postId, query),
    createComment: ({ auth, params, body }) => posts.comment(auth.user, params.postId, body.text),
    updateComment: ({ auth, params, body }) =>
      posts.editComment(auth.user, params.commentId, body.text),
    deleteComment: ({ auth, params }) => posts.deleteComment(auth.user, params.commentId),
  };
}
