import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { block } from './fixtures';
import { castOf, cells, runCell, type Cast, type Row } from './matrix-scene';

/*
 * FEATURES.md §3, sessions and members, cell by cell. Columns:
 *   host, post owner, comment author, other member, blocked user, outsider (signed in), admin.
 * Every cell runs against a fresh session, so no cell depends on another.
 * (Posts, files and comments: permission-matrix-posts.test.ts.)
 */

let hub: TestHub;
let cast: Cast;
beforeAll(async () => {
  hub = await startHub({ verification: 'none' });
  cast = await castOf(hub);
});
afterAll(() => hub.stop());

const viewSession = (person: Person, sessionId: string) =>
  hub.call('session', { token: person.token, params: { sessionId } });
const joinWith = (person: Person, token: string) =>
  hub.call('joinSession', { token: person.token, body: { token } });

const rows: Row[] = [
  {
    action: 'view the session',
    expected: [200, 200, 200, 200, 403, 403, 200],
    run: (_hub, actor, scene) => viewSession(actor, scene.sessionId),
    verify: async (_hub, _cast, scene, { role, succeeded, reply }) => {
      if (!succeeded) return;
      const manages = role === 'host' || role === 'admin';
      expect(reply.body).toMatchObject({
        id: scene.sessionId,
        title: 'Matrix session',
        memberCount: 5, // host + 4 active members; the blocked one is not counted
        myRole: role === 'host' ? 'host' : role === 'admin' ? null : 'member',
      });
      expect(reply.body.joinToken).toBe(manages ? scene.joinToken : undefined);
    },
  },
  {
    action: 'edit the session',
    expected: [200, 403, 403, 403, 403, 403, 403],
    run: (_hub, actor, scene) =>
      hub.call('updateSession', {
        token: actor.token,
        params: { sessionId: scene.sessionId },
        body: { title: 'Renamed', description: 'New plan' },
      }),
    verify: async (_hub, c, scene, { succeeded }) => {
      const seen = await viewSession(c.host, scene.sessionId);
      expect(seen.body.title).toBe(succeeded ? 'Renamed' : 'Matrix session');
      expect(seen.body.description).toBe(succeeded ? 'New plan' : '');
    },
  },
  {
    action: 'delete the session',
    expected: [204, 403, 403, 403, 403, 403, 204],
    run: (_hub, actor, scene) =>
      hub.call('deleteSession', { token: actor.token, params: { sessionId: scene.sessionId } }),
    verify: async (_hub, c, scene, { succeeded }) => {
      expect((await viewSession(c.host, scene.sessionId)).status).toBe(succeeded ? 404 : 200);
    },
  },
  {
    action: 'regenerate the join token',
    expected: [200, 403, 403, 403, 403, 403, 403],
    run: (_hub, actor, scene) =>
      hub.call('regenerateJoinToken', {
        token: actor.token,
        params: { sessionId: scene.sessionId },
      }),
    verify: async (_hub, c, scene, { succeeded, reply }) => {
      const current = (await viewSession(c.host, scene.sessionId)).body.joinToken;
      if (succeeded) {
        expect(reply.body.joinToken).toBe(current);
        expect(current).not.toBe(scene.joinToken);
      } else expect(current).toBe(scene.joinToken);
    },
  },
  {
    action: 'list the members',
    expected: [200, 200, 200, 200, 403, 403, 200],
    run: (_hub, actor, scene) =>
      hub.call('members', { token: actor.token, params: { sessionId: scene.sessionId } }),
    verify: async (_hub, _cast, _scene, { role, succeeded, reply }) => {
      if (!succeeded) return;
      const listed = reply.body.items.map((m: { user: { username: string }; status: string }) =>
        [m.user.username, m.status].join(':'),
      );
      const active = [
        'host_hana:active',
        'owner_olga:active',
        'commenter_cai:active',
        'member_milo:active',
      ];
      // Blocked people are listed for the host (and an admin) only.
      expect(listed).toEqual(
        role === 'host' || role === 'admin'
          ? [...active, 'blocked_bea:blocked', 'victim_vic:active']
          : [...active, 'victim_vic:active'],
      );
      expect(reply.body.items[0].role).toBe('host');
    },
  },
  {
    action: 'remove a member',
    expected: [204, 403, 403, 403, 403, 403, 403],
    run: (_hub, actor, scene, c) =>
      hub.call('removeMember', {
        token: actor.token,
        params: { sessionId: scene.sessionId, userId: c.victim.id },
      }),
    verify: async (_hub, c, scene, { succeeded }) => {
      expect((await viewSession(c.victim, scene.sessionId)).status).toBe(succeeded ? 403 : 200);
    },
  },
  {
    action: 'block a member',
    expected: [200, 403, 403, 403, 403, 403, 403],
    run: (_hub, actor, scene, c) =>
      hub.call('blockMember', {
        token: actor.token,
        params: { sessionId: scene.sessionId, userId: c.victim.id },
      }),
    verify: async (_hub, c, scene, { succeeded, reply }) => {
      if (succeeded) {
        expect(reply.body).toMatchObject({
          user: { username: 'victim_vic' },
          role: 'member',
          status: 'blocked',
        });
        expect((await viewSession(c.victim, scene.sessionId)).status).toBe(403);
        expect((await joinWith(c.victim, scene.joinToken)).status).toBe(403);
      } else expect((await viewSession(c.victim, scene.sessionId)).status).toBe(200);
    },
  },
  {
    action: 'unblock a member',
    expected: [204, 403, 403, 403, 403, 403, 403],
    prepare: (h, c, scene) => block(h, c.host, scene.sessionId, c.victim),
    run: (_hub, actor, scene, c) =>
      hub.call('unblockMember', {
        token: actor.token,
        params: { sessionId: scene.sessionId, userId: c.victim.id },
      }),
    verify: async (_hub, c, scene, { succeeded }) => {
      expect((await joinWith(c.victim, scene.joinToken)).status).toBe(succeeded ? 200 : 403);
    },
  },
  {
    action: 'leave the session',
    expected: [409, 204, 204, 204, 403, 403, 403],
    run: (_hub, actor, scene) =>
      hub.call('leaveSession', { token: actor.token, params: { sessionId: scene.sessionId } }),
    verify: async (_hub, c, scene, { role, succeeded }) => {
      if (succeeded) expect((await viewSession(c[role], scene.sessionId)).status).toBe(403);
      if (role === 'host')
        expect((await viewSession(c.host, scene.sessionId)).body.myRole).toBe('host');
    },
  },
];

describe('the session permission matrix: sessions and members', () => {
  it.each(cells(rows))('$role: $action → $status', (cell) => runCell(hub, cast, cell));
});
