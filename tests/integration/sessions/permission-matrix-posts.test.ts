import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG } from '../../support/files';
import type { Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { TINY_PDF, download, type FileReply } from './fixtures';
import { castOf, cells, runCell, stage, type Cast, type Row, type Scene } from './matrix-scene';

/*
 * FEATURES.md §3, posts, files and comments, cell by cell. Columns:
 *   host, post owner, comment author, other member, blocked user, outsider (signed in), admin.
 * "The post" is the post owner's post with one file; "the comment" is the comment
 * author's comment on it. Every cell runs against a fresh session.
 */

let hub: TestHub;
let cast: Cast;
beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  cast = await castOf(hub);
});
afterAll(() => hub.stop());

interface SeenPost {
  id: string;
  text: string;
  files: { id: string; canDownload: boolean }[];
  commentCount: number;
  permissions: { canEdit: boolean; canDelete: boolean };
}

/** The session's posts as someone in it sees them, newest first. */
async function postsSeenBy(person: Person, scene: Scene): Promise<SeenPost[]> {
  const reply = await hub.call('posts', {
    token: person.token,
    params: { sessionId: scene.sessionId },
  });
  expect(reply.status).toBe(200);
  return reply.body.items;
}
const ownerPostSeenBy = async (person: Person, scene: Scene) =>
  (await postsSeenBy(person, scene)).find((p) => p.id === scene.ownerPost.id);
const commentsSeenByHost = (scene: Scene) =>
  hub.call('comments', { token: cast.host.token, params: { postId: scene.ownerPost.id } });

const expectFile = (reply: FileReply, bytes: Buffer, type: string) => {
  expect(reply.headers.get('content-type')).toBe(type);
  expect(reply.bytes.equals(bytes)).toBe(true);
};

const rows: Row[] = [
  {
    action: 'list the posts',
    expected: [200, 200, 200, 200, 403, 403, 200],
    run: (_hub, actor, scene) =>
      hub.call('posts', { token: actor.token, params: { sessionId: scene.sessionId } }),
    verify: async (_hub, _cast, scene, { succeeded, reply }) => {
      if (!succeeded) return;
      expect(reply.body.total).toBe(2);
      expect(reply.body.items.map((p: SeenPost) => p.id)).toEqual([
        scene.hostPost.id,
        scene.ownerPost.id,
      ]);
    },
  },
  {
    action: 'search the posts',
    expected: [200, 200, 200, 200, 403, 403, 200],
    run: (_hub, actor, scene) =>
      hub.call('posts', {
        token: actor.token,
        params: { sessionId: scene.sessionId },
        query: { q: 'slides', hasFiles: 'true' },
      }),
    verify: async (_hub, _cast, scene, { succeeded, reply }) => {
      if (succeeded)
        expect(reply.body.items.map((p: SeenPost) => p.id)).toEqual([scene.hostPost.id]);
    },
  },
  {
    action: 'create a post',
    expected: [201, 201, 201, 201, 403, 403, 403],
    run: (_hub, actor, scene) =>
      hub.call('createPost', {
        token: actor.token,
        params: { sessionId: scene.sessionId },
        body: { text: 'A new thought' },
      }),
    verify: async (_hub, c, scene, { role, succeeded, reply }) => {
      if (succeeded)
        expect(reply.body).toMatchObject({ text: 'A new thought', author: { id: c[role].id } });
      expect(await postsSeenBy(c.host, scene)).toHaveLength(succeeded ? 3 : 2);
    },
  },
  {
    action: 'edit the post',
    expected: [403, 200, 403, 403, 403, 403, 403],
    run: (_hub, actor, scene) =>
      hub.call('updatePost', {
        token: actor.token,
        params: { postId: scene.ownerPost.id },
        body: { text: 'Edited' },
      }),
    verify: async (_hub, c, scene, { succeeded }) => {
      expect((await ownerPostSeenBy(c.host, scene))?.text).toBe(
        succeeded ? 'Edited' : 'Owner’s notes',
      );
    },
  },
  {
    action: 'delete the post',
    expected: [204, 204, 403, 403, 403, 403, 204],
    run: (_hub, actor, scene) =>
      hub.call('deletePost', { token: actor.token, params: { postId: scene.ownerPost.id } }),
    verify: async (_hub, c, scene, { succeeded }) => {
      expect(await ownerPostSeenBy(c.host, scene)).toEqual(
        succeeded ? undefined : expect.any(Object),
      );
      expect((await commentsSeenByHost(scene)).status).toBe(succeeded ? 404 : 200);
    },
  },
  {
    action: 'remove a file from the post',
    expected: [403, 200, 403, 403, 403, 403, 403],
    run: (_hub, actor, scene) =>
      hub.call('removePostFile', {
        token: actor.token,
        params: { postId: scene.ownerPost.id, fileId: scene.ownerPost.fileId },
      }),
    verify: async (_hub, c, scene, { succeeded }) => {
      const files = (await ownerPostSeenBy(c.host, scene))?.files.map((f) => f.id);
      expect(files).toEqual(succeeded ? [] : [scene.ownerPost.fileId]);
    },
  },
  {
    action: 'download a file of the post (another member’s)',
    expected: [200, 200, 403, 403, 403, 403, 200],
    run: (_hub, actor, scene) => download(hub, actor, scene.ownerPost.id, scene.ownerPost.fileId),
    verify: async (_hub, _cast, _scene, { succeeded, reply }) => {
      if (succeeded) expectFile(reply as FileReply, TINY_PNG, 'image/png');
    },
  },
  {
    action: 'download a file of the host’s post',
    expected: [200, 200, 200, 200, 403, 403, 200],
    run: (_hub, actor, scene) => download(hub, actor, scene.hostPost.id, scene.hostPost.fileId),
    verify: async (_hub, _cast, _scene, { succeeded, reply }) => {
      if (succeeded) expectFile(reply as FileReply, TINY_PDF, 'application/pdf');
    },
  },
  {
    action: 'list the comments',
    expected: [200, 200, 200, 200, 403, 403, 200],
    run: (_hub, actor, scene) =>
      hub.call('comments', { token: actor.token, params: { postId: scene.ownerPost.id } }),
    verify: async (_hub, _cast, _scene, { succeeded, reply }) => {
      if (succeeded)
        expect(reply.body.items.map((c: { text: string }) => c.text)).toEqual(['Nice notes']);
    },
  },
  {
    action: 'comment on the post',
    expected: [201, 201, 201, 201, 403, 403, 403],
    run: (_hub, actor, scene) =>
      hub.call('createComment', {
        token: actor.token,
        params: { postId: scene.ownerPost.id },
        body: { text: 'Me too' },
      }),
    verify: async (_hub, c, scene, { role, succeeded, reply }) => {
      if (succeeded)
        expect(reply.body).toMatchObject({ text: 'Me too', author: { id: c[role].id } });
      expect((await commentsSeenByHost(scene)).body.total).toBe(succeeded ? 2 : 1);
    },
  },
  {
    action: 'edit the comment',
    expected: [403, 403, 200, 403, 403, 403, 403],
    run: (_hub, actor, scene) =>
      hub.call('updateComment', {
        token: actor.token,
        params: { commentId: scene.commentId },
        body: { text: 'Really nice notes' },
      }),
    verify: async (_hub, _cast, scene, { succeeded }) => {
      const [comment] = (await commentsSeenByHost(scene)).body.items;
      expect(comment.text).toBe(succeeded ? 'Really nice notes' : 'Nice notes');
      expect(comment.editedAt).toEqual(succeeded ? expect.any(String) : undefined);
    },
  },
  {
    action: 'delete the comment',
    expected: [204, 204, 204, 403, 403, 403, 204],
    run: (_hub, actor, scene) =>
      hub.call('deleteComment', { token: actor.token, params: { commentId: scene.commentId } }),
    verify: async (_hub, _cast, scene, { succeeded }) => {
      expect((await commentsSeenByHost(scene)).body.total).toBe(succeeded ? 0 : 1);
    },
  },
];

describe('the session permission matrix: posts, files and comments', () => {
  it.each(cells(rows))('$role: $action → $status', (cell) => runCell(hub, cast, cell));
});

describe('what the UI offers matches the matrix', () => {
  const inSession = ['host', 'post owner', 'comment author', 'other member', 'admin'] as const;
  it.each(inSession)(
    '%s sees exactly the edit, delete and download rights they have',
    async (role) => {
      const scene = await stage(hub, cast);
      const [hostPost, ownerPost] = await postsSeenBy(cast[role], scene);
      const is = (...roles: string[]) => roles.includes(role);
      expect(ownerPost!.permissions).toEqual({
        canEdit: is('post owner'),
        canDelete: is('post owner', 'host', 'admin'),
      });
      expect(ownerPost!.files[0]!.canDownload).toBe(is('post owner', 'host', 'admin'));
      expect(hostPost!.permissions).toEqual({
        canEdit: is('host'),
        canDelete: is('host', 'admin'),
      });
      expect(hostPost!.files[0]!.canDownload).toBe(true);
      const comments = await hub.call('comments', {
        token: cast[role].token,
        params: { postId: scene.ownerPost.id },
      });
      expect(comments.body.items[0].permissions).toEqual({
        canEdit: is('comment author'),
        canDelete: is('comment author', 'post owner', 'host', 'admin'),
      });
    },
  );
});
