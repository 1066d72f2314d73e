import { afterEach, describe, expect, it } from 'vitest';
import { signUp } from '../../support/people';
import { freshMigratedDatabase } from '../../support/postgres-database';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * The last-admin rule across hub nodes: two hubs on one database, each
 * asked by a different admin to demote the other at the same moment. Only
 * the database can hold the rule here — neither process sees the other's
 * request.
 */
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('two hubs on one database', () => {
  it('admins demoting each other through different hubs at once: one admin remains', async () => {
    const database = await freshMigratedDatabase();
    cleanups.push(() => database.drop());
    const hubs: TestHub[] = [];
    for (let i = 0; i < 2; i++) {
      const hub = await startHub({ database: database.url, verification: 'none' });
      cleanups.push(() => hub.stop());
      hubs.push(hub);
    }
    const [north, south] = hubs as [TestHub, TestHub];
    const left = { person: await signUp(north), hub: north };
    const right = { person: await signUp(south), hub: south };
    const setAdmin = (by: typeof left, whom: typeof left, isAdmin: boolean) =>
      by.hub.call('adminUpdateUser', {
        token: by.person.token,
        params: { userId: whom.person.id },
        body: { isAdmin },
      });
    expect((await setAdmin(left, right, true)).status).toBe(200);
    for (let round = 0; round < 5; round++) {
      const replies = await Promise.all([
        setAdmin(left, right, false),
        setAdmin(right, left, false),
      ]);
      expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
      const refused = replies.find((reply) => reply.status !== 200)!;
      // 409 LAST_ADMIN, or 403 when the refused admin's own role was already gone.
      expect([403, 409]).toContain(refused.status);
      if (refused.status === 409) expect(refused.body.error.code).toBe('LAST_ADMIN');
      const [winner, loser] = replies[0]!.status === 200 ? [left, right] : [right, left];
      const list = await winner.hub.call('adminUsers', { token: winner.person.token });
      const admins = list.body.items.filter((u: { isAdmin: boolean }) => u.isAdmin);
      expect(admins.map((u: { id: string }) => u.id)).toEqual([winner.person.id]);
      expect((await setAdmin(winner, loser, true)).status).toBe(200);
    }
  });
});
