import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../support/http';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';

/**
 * "One admin always remains" under concurrency: admins demoting or deleting
 * each other at the same moment (over real HTTP, on whichever engine
 * CLASSHUB_TEST_ENGINE names) never leave the hub without an admin.
 */
let hub: TestHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

const ROUNDS = 5;

async function makeAdmin(by: Person, person: Person): Promise<void> {
  const reply = await hub!.call('adminUpdateUser', {
    token: by.token,
    params: { userId: person.id },
    body: { isAdmin: true },
  });
  expect(reply.status).toBe(200);
}

async function activeAdmins(by: Person): Promise<string[]> {
  const reply = await hub!.call('adminUsers', { token: by.token, query: { limit: 100 } });
  expect(reply.status).toBe(200);
  return reply.body.items
    .filter((u: { isAdmin: boolean; status: string }) => u.isAdmin && u.status === 'active')
    .map((u: { id: string }) => u.id);
}

/**
 * The one that failed was refused with a reason a person can act on, not a
 * 500. Where the winner deleted or deactivated the loser's account first,
 * the loser's sign-in is gone: 401, as for any ended sign-in.
 */
function expectClearRefusal(reply: Reply, accountMayBeGone = false): void {
  if (accountMayBeGone && reply.status === 401) {
    expect(['TOKEN_REVOKED', 'UNAUTHENTICATED']).toContain(reply.body.error.code);
    return;
  }
  expect([403, 409]).toContain(reply.status);
  if (reply.status === 409) {
    expect(reply.body.error.code).toBe('LAST_ADMIN');
    expect(reply.body.error.message).toMatch(/only admin of the hub/);
  }
}

describe('the last admin, with admins acting at the same moment', () => {
  it('two admins demoting each other at once: exactly one succeeds, one admin remains', async () => {
    hub = await startHub({ verification: 'none' });
    const left = await signUp(hub);
    const right = await signUp(hub);
    await makeAdmin(left, right);
    for (let round = 0; round < ROUNDS; round++) {
      const replies = await Promise.all(
        [
          [left, right],
          [right, left],
        ].map(([by, whom]) =>
          hub!.call('adminUpdateUser', {
            token: by!.token,
            params: { userId: whom!.id },
            body: { isAdmin: false },
          }),
        ),
      );
      expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
      const winner = replies[0]!.status === 200 ? left : right;
      expectClearRefusal(replies.find((reply) => reply.status !== 200)!);
      expect(await activeAdmins(winner)).toEqual([winner.id]);
      await makeAdmin(winner, winner === left ? right : left);
    }
  });

  it('an admin deactivated while demoting the other: one admin remains', async () => {
    hub = await startHub({ verification: 'none' });
    const left = await signUp(hub);
    const right = await signUp(hub);
    await makeAdmin(left, right);
    const replies = await Promise.all([
      hub.call('adminUpdateUser', {
        token: left.token,
        params: { userId: right.id },
        body: { status: 'rejected' },
      }),
      hub.call('adminUpdateUser', {
        token: right.token,
        params: { userId: left.id },
        body: { isAdmin: false },
      }),
    ]);
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
    // Right, deactivated first, finds their sign-in ended.
    expectClearRefusal(
      replies.find((reply) => reply.status !== 200)!,
      true,
    );
    const winner = replies[0]!.status === 200 ? left : right;
    expect(await activeAdmins(winner)).toEqual([winner.id]);
  });

  it('two admins deleting each other at once: exactly one account goes, one admin remains', async () => {
    hub = await startHub({ verification: 'none' });
    let left = await signUp(hub);
    for (let round = 0; round < ROUNDS; round++) {
      const right = await signUp(hub);
      await makeAdmin(left, right);
      const replies = await Promise.all([
        hub.call('adminDeleteUser', { token: left.token, params: { userId: right.id } }),
        hub.call('adminDeleteUser', { token: right.token, params: { userId: left.id } }),
      ]);
      expect(replies.filter((reply) => reply.status === 204)).toHaveLength(1);
      expectClearRefusal(
        replies.find((reply) => reply.status !== 204)!,
        true,
      );
      left = replies[0]!.status === 204 ? left : right;
      expect(await activeAdmins(left)).toEqual([left.id]);
    }
  });

  it('three admins each demoting the next at once: at least one admin remains', async () => {
    hub = await startHub({ verification: 'none' });
    const admins = [await signUp(hub), await signUp(hub), await signUp(hub)];
    for (let round = 0; round < ROUNDS; round++) {
      for (const other of admins.slice(1)) await makeAdmin(admins[0]!, other);
      const replies = await Promise.all(
        admins.map((by, i) =>
          hub!.call('adminUpdateUser', {
            token: by.token,
            params: { userId: admins[(i + 1) % admins.length]!.id },
            body: { isAdmin: false },
          }),
        ),
      );
      const refused = replies.filter((reply) => reply.status !== 200);
      expect(refused.length).toBeGreaterThanOrEqual(1);
      for (const reply of refused) expectClearRefusal(reply);
      const remaining = admins.find(
        (_, i) => replies[(i + admins.length - 1) % admins.length]!.status !== 200,
      )!;
      const left = await activeAdmins(remaining);
      expect(left.length).toBe(admins.length - (replies.length - refused.length));
      expect(left.length).toBeGreaterThanOrEqual(1);
      // Back to three admins for the next round, made by one still an admin.
      const keeper = admins.find((a) => left.includes(a.id))!;
      for (const other of admins) if (!left.includes(other.id)) await makeAdmin(keeper, other);
      admins.sort((a, b) => (a === keeper ? -1 : b === keeper ? 1 : 0));
    }
  });
});
