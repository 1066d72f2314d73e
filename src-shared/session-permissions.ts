/**
 * The CSBox permission matrix, shared so the hub enforces exactly what the
 * UI offers. "Moderator" is the session's host or a hub admin.
 */
export interface SessionViewer {
  readonly userId: string;
  readonly isHost: boolean;
  readonly isAdmin: boolean;
}

/** Only the author edits a post — never the host, never an admin. */
export function canEditPost(viewer: SessionViewer, post: { authorId: string }): boolean {
  return post.authorId === viewer.userId;
}

export function canDeletePost(viewer: SessionViewer, post: { authorId: string }): boolean {
  return post.authorId === viewer.userId || viewer.isHost || viewer.isAdmin;
}

/** Members open the host's files and their own; the host (and an admin) opens everyone's. */
export function canDownloadPostFile(
  viewer: SessionViewer,
  post: { authorId: string },
  hostId: string,
): boolean {
  return (
    viewer.isHost || viewer.isAdmin || post.authorId === viewer.userId || post.authorId === hostId
  );
}

export function canEditComment(viewer: SessionViewer, comment: { authorId: string }): boolean {
  return comment.authorId === viewer.userId;
}

/** The author, the owner of the post it is on, the host, or an admin. */
export function canDeleteComment(
  viewer: SessionViewer,
  comment: { authorId: string },
  post: { authorId: string },
): boolean {
  return (
    comment.authorId === viewer.userId ||
    post.authorId === viewer.userId ||
    viewer.isHost ||
    viewer.isAdmin
  );
}
