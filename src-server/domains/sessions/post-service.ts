import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type { FileId } from '../../../src-shared/schemas/files';
import type {
  Comment,
  CommentId,
  Post,
  PostId,
  SessionId,
  createPostRequestSchema,
  postSearchQuerySchema,
  updatePostRequestSchema,
} from '../../../src-shared/schemas/sessions';
import {
  canDeleteComment,
  canDeletePost,
  canDownloadPostFile,
  canEditComment,
  canEditPost,
} from '../../../src-shared/session-permissions';
import { DomainError, fieldError } from '../../domain-error';
import { storedFile, type FileReply } from '../file-reply';
import { attachUploadsTo } from '../files/claim';
import type { PostRecord, UserRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import { assertMember, sessionAccess, type SessionAccess } from '../access/session-access';
import type { SessionService } from './session-service';
import { toComment, toPost } from './views';
import { pageOfList } from '../paging';
import { IdempotentActions } from '../idempotency';
import { ACCESS_REPOSITORIES } from '../access/ports';

type CreatePost = z.output<typeof createPostRequestSchema>;
type UpdatePost = z.output<typeof updatePostRequestSchema>;
type PostSearch = z.output<typeof postSearchQuerySchema>;

/** The repositories PostService reads and writes (createHub hands it exactly these). */
export const POST_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'blobs',
  'comments',
  'posts',
  'uploads',
] as const;

/** Posts, their files and comments, with the CSBox permission matrix on every call. */
export class PostService {
  constructor(
    private readonly deps: DomainDeps<(typeof POST_REPOSITORIES)[number]>,
    private readonly sessions: SessionService,
  ) {}

  private readonly resends = new IdempotentActions();

  async search(actor: UserRecord, sessionId: SessionId, query: PostSearch): Promise<Page<Post>> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    const words = query.q?.toLowerCase().split(/\s+/).filter(Boolean) ?? [];
    // Instants, not strings: "…10:00:00Z" and "…10:00:00.000Z" are the same time.
    const from = query.from ? Date.parse(query.from) : undefined;
    const to = query.to ? Date.parse(query.to) : undefined;
    const matches = (await this.deps.storage.posts.listForSession(sessionId))
      .filter(
        (post) =>
          (!query.authorId || post.authorId === query.authorId) &&
          (query.hasFiles === undefined || post.files.length > 0 === query.hasFiles) &&
          (from === undefined || Date.parse(post.createdAt) >= from) &&
          (to === undefined || Date.parse(post.createdAt) < to) &&
          words.every((word) =>
            `${post.text} ${post.files.map((f) => f.fileName).join(' ')}`
              .toLowerCase()
              .includes(word),
          ),
      )
      .reverse();
    return pageOfList(matches, query, (post) => this.view(actor, access, post));
  }

  /** A resend with the same clientId returns the post stored the first time. */
  async create(actor: UserRecord, sessionId: SessionId, input: CreatePost): Promise<Post> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertMember(access);
    const { clientId } = input;
    if (!clientId) return this.store(actor, access, randomUUID() as PostId, input);
    const id = IdempotentActions.recordId('post', actor.id, clientId) as PostId;
    const stored = async () => {
      const earlier = await this.deps.storage.posts.get(id);
      if (earlier && earlier.sessionId === sessionId) return this.view(actor, access, earlier);
      if (earlier)
        throw new DomainError('CONFLICT', 'This client id was already used for another post.');
      return undefined;
    };
    return this.resends.run(
      id,
      async () => (await stored()) ?? this.store(actor, access, id, input),
      stored,
    );
  }

  private async store(
    actor: UserRecord,
    access: SessionAccess,
    id: PostId,
    input: CreatePost,
  ): Promise<Post> {
    const sessionId = access.session.id;
    const post = await attachUploadsTo(
      this.deps.storage,
      { actorId: actor.id, fileIds: input.fileIds, owner: `post:${id}` },
      (files) =>
        this.deps.storage.posts.insert({
          id,
          sessionId,
          authorId: actor.id,
          text: input.text,
          files,
          createdAt: this.deps.now().toISOString(),
        }),
    );
    this.deps.bus.publish('post.created', { post, actorId: actor.id });
    return this.view(actor, access, post);
  }

  async update(actor: UserRecord, postId: PostId, patch: UpdatePost): Promise<Post> {
    const { post, access } = await this.load(actor, postId);
    if (!canEditPost(access.viewer, post))
      throw new DomainError('FORBIDDEN', 'Only the author can edit a post.');
    const adding = patch.addFileIds ?? [];
    if (post.files.length + adding.length > 10)
      throw fieldError('addFileIds', 'A post can hold at most 10 files.');
    const text = patch.text ?? post.text;
    if (!text && post.files.length + adding.length === 0)
      throw fieldError('text', 'A post needs text or a file.');
    return attachUploadsTo(
      this.deps.storage,
      { actorId: actor.id, fileIds: adding, owner: `post:${postId}` },
      (added) =>
        this.save(actor, access, postId, (p) => ({ ...p, text, files: [...p.files, ...added] })),
    );
  }

  async removeFile(actor: UserRecord, postId: PostId, fileId: FileId): Promise<Post> {
    const { post, access } = await this.load(actor, postId);
    if (!canEditPost(access.viewer, post))
      throw new DomainError('FORBIDDEN', 'Only the author can remove files from a post.');
    if (!post.files.some((f) => f.id === fileId))
      throw new DomainError('NOT_FOUND', 'This post has no such file.');
    if (!post.text && post.files.length === 1)
      throw new DomainError(
        'CONFLICT',
        'This is the post’s only content; delete the post instead.',
      );
    const view = await this.save(actor, access, postId, (p) => ({
      ...p,
      files: p.files.filter((f) => f.id !== fileId),
    }));
    await this.deps.storage.uploads.deleteMany([fileId]); // its bytes are collected later
    return view;
  }

  async delete(actor: UserRecord, postId: PostId): Promise<void> {
    const { post, access } = await this.load(actor, postId);
    if (!canDeletePost(access.viewer, post))
      throw new DomainError(
        'FORBIDDEN',
        'Only the author, the host or an admin can delete this post.',
      );
    await this.deps.storage.comments.deleteForPost(postId);
    await this.deps.storage.posts.delete(postId);
    await this.deps.storage.uploads.deleteMany(post.files.map((f) => f.id));
    this.deps.bus.publish('post.deleted', { post, actorId: actor.id });
  }

  async download(actor: UserRecord, postId: PostId, fileId: FileId): Promise<FileReply> {
    const { post, access } = await this.load(actor, postId);
    const file = post.files.find((f) => f.id === fileId);
    if (!file) throw new DomainError('NOT_FOUND', 'This post has no such file.');
    if (!canDownloadPostFile(access.viewer, post, access.session.hostId)) {
      throw new DomainError(
        'FORBIDDEN',
        'Members can open the host’s files and their own; this one belongs to another member.',
      );
    }
    return storedFile(this.deps.storage.blobs, file);
  }

  async comments(actor: UserRecord, postId: PostId, query: PageQuery): Promise<Page<Comment>> {
    const { post, access } = await this.load(actor, postId);
    const all = await this.deps.storage.comments.listForPost(postId);
    const viewer = this.sessions.viewerOf(actor, access.session);
    return pageOfList(all, query, (c) => toComment(this.deps.storage, c, viewer, post));
  }

  async comment(actor: UserRecord, postId: PostId, text: string): Promise<Comment> {
    const { post, access } = await this.load(actor, postId);
    assertMember(access);
    const comment = await this.deps.storage.comments.insert({
      id: randomUUID() as CommentId,
      postId,
      sessionId: post.sessionId,
      authorId: actor.id,
      text,
      createdAt: this.deps.now().toISOString(),
    });
    this.deps.bus.publish('comment.created', { comment, post, actorId: actor.id });
    return toComment(
      this.deps.storage,
      comment,
      this.sessions.viewerOf(actor, access.session),
      post,
    );
  }

  async editComment(actor: UserRecord, commentId: CommentId, text: string): Promise<Comment> {
    const { comment, post, access } = await this.loadComment(actor, commentId);
    if (!canEditComment(access.viewer, comment))
      throw new DomainError('FORBIDDEN', 'Only its author can edit a comment.');
    const updated = await this.deps.storage.comments.update(commentId, (c) => ({
      ...c,
      text,
      editedAt: this.deps.now().toISOString(),
    }));
    if (!updated) throw commentGone();
    this.deps.bus.publish('comment.updated', { comment: updated, post, actorId: actor.id });
    return toComment(
      this.deps.storage,
      updated,
      this.sessions.viewerOf(actor, access.session),
      post,
    );
  }

  async deleteComment(actor: UserRecord, commentId: CommentId): Promise<void> {
    const { comment, post, access } = await this.loadComment(actor, commentId);
    if (!canDeleteComment(access.viewer, comment, post)) {
      throw new DomainError(
        'FORBIDDEN',
        'Only the comment’s author, the post’s owner, the host or an admin can delete it.',
      );
    }
    await this.deps.storage.comments.delete(commentId);
    this.deps.bus.publish('comment.deleted', { comment, post, actorId: actor.id });
  }

  view(actor: UserRecord, access: SessionAccess, post: PostRecord): Promise<Post> {
    return toPost(
      this.deps.storage,
      post,
      this.sessions.viewerOf(actor, access.session),
      access.session.hostId,
    );
  }

  private async save(
    actor: UserRecord,
    access: SessionAccess,
    postId: PostId,
    change: (p: PostRecord) => PostRecord,
  ): Promise<Post> {
    const post = await this.deps.storage.posts.update(postId, (p) => ({
      ...change(p),
      editedAt: this.deps.now().toISOString(),
    }));
    if (!post) throw postGone();
    this.deps.bus.publish('post.updated', { post, actorId: actor.id });
    return this.view(actor, access, post);
  }

  private async load(
    actor: UserRecord,
    postId: PostId,
  ): Promise<{ post: PostRecord; access: SessionAccess }> {
    const post = await this.deps.storage.posts.get(postId);
    if (!post) throw postGone();
    return { post, access: await sessionAccess(this.deps.storage, actor, post.sessionId) };
  }

  private async loadComment(actor: UserRecord, commentId: CommentId) {
    const comment = await this.deps.storage.comments.get(commentId);
    if (!comment) throw commentGone();
    const { post, access } = await this.load(actor, comment.postId);
    return { comment, post, access };
  }
}

const postGone = () =>
  new DomainError('NOT_FOUND', 'This post does not exist (it may have been deleted).');
const commentGone = () =>
  new DomainError('NOT_FOUND', 'This comment does not exist (it may have been deleted).');
