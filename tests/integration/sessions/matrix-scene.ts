import { expect } from 'vitest';
import { TINY_PNG } from '../../support/files';
import type { Reply } from '../../support/http';
import { signUp, type Person } from '../../support/people';
import type { TestHub } from '../../support/start-hub';
import { TINY_PDF, block, hostSession, join, post, uploaded } from './fixtures';

/** The people of the CSBox permission matrix (FEATURES.md §3), in the order of its columns. */
export const ROLES = [
  'host',
  'post owner',
  'comment author',
  'other member',
  'blocked user',
  'outsider',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Everyone the matrix needs, plus a `victim`: an ordinary member for the host to remove or block. */
export type Cast = Record<Role, Person> & { readonly victim: Person };

export async function castOf(hub: TestHub): Promise<Cast> {
  const admin = await signUp(hub, { username: 'hub_admin' }); // the first account is the admin
  return {
    admin,
    host: await signUp(hub, { role: 'teacher', username: 'host_hana' }),
    'post owner': await signUp(hub, { username: 'owner_olga' }),
    'comment author': await signUp(hub, { username: 'commenter_cai' }),
    'other member': await signUp(hub, { username: 'member_milo' }),
    'blocked user': await signUp(hub, { username: 'blocked_bea' }),
    outsider: await signUp(hub, { username: 'outsider_oz' }),
    victim: await signUp(hub, { username: 'victim_vic' }),
  };
}

/**
 * A fresh session for one cell: the host, four members (one of them then
 * blocked), the victim; a post with a file by the post owner, a post with a
 * file by the host, and one comment by the comment author on the owner's post.
 */
export interface Scene {
  readonly sessionId: string;
  readonly joinToken: string;
  readonly ownerPost: { readonly id: string; readonly fileId: string };
  readonly hostPost: { readonly id: string; readonly fileId: string };
  readonly commentId: string;
}

export async function stage(hub: TestHub, cast: Cast): Promise<Scene> {
  const { id: sessionId, joinToken } = await hostSession(hub, cast.host, {
    title: 'Matrix session',
  });
  for (const person of [
    cast['post owner'],
    cast['comment author'],
    cast['other member'],
    cast['blocked user'],
    cast.victim,
  ])
    await join(hub, person, joinToken);
  const ownerFile = await uploaded(hub, cast['post owner'], TINY_PNG, 'owner.png');
  const ownerPost = await post(hub, cast['post owner'], sessionId, {
    text: 'Owner’s notes',
    fileIds: [ownerFile],
  });
  const hostFile = await uploaded(hub, cast.host, TINY_PDF, 'slides.pdf');
  const hostPost = await post(hub, cast.host, sessionId, {
    text: 'Today’s slides',
    fileIds: [hostFile],
  });
  const comment = await hub.call('createComment', {
    token: cast['comment author'].token,
    params: { postId: ownerPost.id },
    body: { text: 'Nice notes' },
  });
  expect(comment.status).toBe(201);
  await block(hub, cast.host, sessionId, cast['blocked user']);
  return {
    sessionId,
    joinToken,
    ownerPost: { id: ownerPost.id, fileId: ownerFile },
    hostPost: { id: hostPost.id, fileId: hostFile },
    commentId: comment.body.id,
  };
}

/** One row of the matrix: what a role does, and the status each column must get. */
export interface Row {
  readonly action: string;
  /** Statuses in the order of ROLES. */
  readonly expected: readonly [number, number, number, number, number, number, number];
  readonly prepare?: (hub: TestHub, cast: Cast, scene: Scene) => Promise<void>;
  readonly run: (hub: TestHub, actor: Person, scene: Scene, cast: Cast) => Promise<Reply>;
  /** Checks the effect (or its absence) after the call, seen by someone else. */
  readonly verify: (hub: TestHub, cast: Cast, scene: Scene, outcome: Outcome) => Promise<void>;
}

export interface Outcome {
  readonly role: Role;
  readonly status: number;
  readonly succeeded: boolean;
  readonly reply: Reply;
}

const ERROR_CODE: Record<number, string> = { 403: 'FORBIDDEN', 404: 'NOT_FOUND', 409: 'CONFLICT' };

/** One visible test per cell: `<role>: <action> → <status>`. */
export function cells(rows: readonly Row[]) {
  return rows.flatMap((row) =>
    ROLES.map((role, column) => ({
      role,
      action: row.action,
      status: row.expected[column]!,
      row,
    })),
  );
}

export async function runCell(
  hub: TestHub,
  cast: Cast,
  cell: ReturnType<typeof cells>[number],
): Promise<void> {
  const scene = await stage(hub, cast);
  await cell.row.prepare?.(hub, cast, scene);
  const reply = await cell.row.run(hub, cast[cell.role], scene, cast);
  expect(reply.status, JSON.stringify(reply.body)).toBe(cell.status);
  const succeeded = cell.status < 300;
  if (!succeeded) expect(reply.body.error.code).toBe(ERROR_CODE[cell.status]);
  await cell.row.verify(hub, cast, scene, {
    role: cell.role,
    status: cell.status,
    succeeded,
    reply,
  });
}
