import type { Comment, Member, Post, Session } from '../../../src-shared/schemas/sessions';
import { formatJoinToken } from '../../../src-shared/schemas/sessions';
import type { Actor } from '../../../src-shared/permissions';
import {
  canDeleteComment,
  canDeletePost,
  canDownloadPostFile,
  canEditComment,
  canEditPost,
  type SessionViewer,
} from '../../../src-shared/session-permissions';
import type {
  CommentRecord,
  PostRecord,
  SessionMemberRecord,
  SessionRecord,
  UserRecord,
} from '../../storage/records';
import type { Storage } from '../../storage/repositories';

/** The repositories session views read. */
export type SessionViewStorage = Pick<Storage, 'users' | 'courses' | 'sessionMembers' | 'comments'>;
import { formerMember, toSummary } from '../accounts/views';
import { toStoredFile } from '../files/routes';

/** Who is looking: their account (for email visibility) and their place in the session. */
export interface Viewer {
  readonly user: Actor;
  readonly session: SessionViewer;
}

async function person(storage: SessionViewStorage, id: string): Promise<UserRecord> {
  return (await storage.users.get(id as UserRecord['id'])) ?? formerMember(id);
}

export async function toSession(
  storage: SessionViewStorage,
  session: SessionRecord,
  viewer: Viewer,
  myRole: Session['myRole'],
): Promise<Session> {
  const mayManage = viewer.session.isHost || viewer.session.isAdmin;
  return {
    id: session.id,
    title: session.title,
    description: session.description,
    host: toSummary(await person(storage, session.hostId), viewer.user),
    ...(mayManage ? { joinToken: formatJoinToken(session.joinToken) } : {}),
    ...(session.joinTokenExpiresAt ? { joinTokenExpiresAt: session.joinTokenExpiresAt } : {}),
    course: await courseOf(storage, session),
    ...(session.startsAt && session.endsAt
      ? { startsAt: session.startsAt, endsAt: session.endsAt }
      : {}),
    memberCount: await storage.sessionMembers.countActive(session.id),
    myRole,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
  };
}

export async function toMember(
  storage: SessionViewStorage,
  member: SessionMemberRecord,
  viewer: Viewer,
): Promise<Member> {
  return {
    user: toSummary(await person(storage, member.userId), viewer.user),
    role: member.role,
    status: member.status,
    joinedAt: member.joinedAt,
  };
}

export async function toPost(
  storage: SessionViewStorage,
  post: PostRecord,
  viewer: Viewer,
  hostId: string,
): Promise<Post> {
  const mayDownload = canDownloadPostFile(viewer.session, post, hostId);
  return {
    id: post.id,
    sessionId: post.sessionId,
    author: toSummary(await person(storage, post.authorId), viewer.user),
    text: post.text,
    files: post.files.map((file) => ({ ...toStoredFile(file), canDownload: mayDownload })),
    commentCount: await storage.comments.countForPost(post.id),
    createdAt: post.createdAt,
    ...(post.editedAt ? { editedAt: post.editedAt } : {}),
    permissions: {
      canEdit: canEditPost(viewer.session, post),
      canDelete: canDeletePost(viewer.session, post),
    },
  };
}

export async function toComment(
  storage: SessionViewStorage,
  comment: CommentRecord,
  viewer: Viewer,
  post: { authorId: string },
): Promise<Comment> {
  return {
    id: comment.id,
    postId: comment.postId,
    author: toSummary(await person(storage, comment.authorId), viewer.user),
    text: comment.text,
    createdAt: comment.createdAt,
    ...(comment.editedAt ? { editedAt: comment.editedAt } : {}),
    permissions: {
      canEdit: canEditComment(viewer.session, comment),
      canDelete: canDeleteComment(viewer.session, comment, post),
    },
  };
}

/** The course a session belongs to, as its card shows it. */
export async function courseOf(
  storage: SessionViewStorage,
  session: SessionRecord,
): Promise<Session['course']> {
  if (!session.courseId) return null;
  const course = await storage.courses.get(session.courseId);
  return course ? { id: course.id, code: course.code, title: course.title } : null;
}
