import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Person } from '../../support/people';
import { startHub, type TestHub } from '../../support/start-hub';
import { TestClock, hostSession, join } from './fixtures';

/*
 * "My sessions" (hosted / joined / all) and session search, on a hub with
 * exactly these sessions, created oldest first:
 *   Algebra revision  hosted by Ada Lovelace, joined by Sam
 *   Biology lab       hosted by Ada Lovelace
 *   Chemistry club    hosted by Zed Quorra, joined by Sam and Ada
 * The clock stands still and moves a minute between sessions, so "newest first" is exact.
 */

const clock = new TestClock();

let hub: TestHub;
let admin: Person;
let ada: Person;
let zed: Person;
let sam: Person;
const ids: Record<'algebra' | 'biology' | 'chemistry', string> = {
  algebra: '',
  biology: '',
  chemistry: '',
};

beforeAll(async () => {
  hub = await startHub({ verification: 'none', now: clock.now });
  admin = await signUp(hub, { username: 'the_admin' });
  ada = await signUp(hub, {
    role: 'teacher',
    username: 'ada_l',
    firstName: 'Ada',
    lastName: 'Lovelace',
  });
  zed = await signUp(hub, {
    role: 'teacher',
    username: 'zed_q',
    firstName: 'Zed',
    lastName: 'Quorra',
  });
  sam = await signUp(hub, { username: 'sam_s', firstName: 'Sam', lastName: 'Smith' });
  clock.freeze(new Date().toISOString());
  const algebra = await hostSession(hub, ada, { title: 'Algebra revision' });
  ids.algebra = algebra.id;
  clock.advance(60_000);
  ids.biology = (await hostSession(hub, ada, { title: 'Biology lab' })).id;
  clock.advance(60_000);
  const chemistry = await hostSession(hub, zed, { title: 'Chemistry club' });
  ids.chemistry = chemistry.id;
  await join(hub, sam, algebra.joinToken);
  await join(hub, sam, chemistry.joinToken);
  await join(hub, ada, chemistry.joinToken);
});
afterAll(() => hub.stop());

type Listed = { id: string; title: string; myRole: string | null; joinToken?: string };

async function list(person: Person, query: Record<string, string | number> = {}) {
  const reply = await hub.call('sessions', { token: person.token, query });
  expect(reply.status).toBe(200);
  return {
    titles: (reply.body.items as Listed[]).map((s) => s.title),
    items: reply.body.items as Listed[],
    total: reply.body.total as number,
  };
}

describe('my sessions', () => {
  it('lists the sessions someone hosts, newest first, with their role', async () => {
    const hosted = await list(ada, { scope: 'hosted' });
    expect(hosted.titles).toEqual(['Biology lab', 'Algebra revision']);
    expect(hosted.items.map((s) => s.myRole)).toEqual(['host', 'host']);
  });

  it('lists the sessions someone joined, separately from the hosted ones', async () => {
    expect((await list(ada, { scope: 'joined' })).titles).toEqual(['Chemistry club']);
    expect((await list(sam, { scope: 'joined' })).titles).toEqual([
      'Chemistry club',
      'Algebra revision',
    ]);
    expect((await list(sam, { scope: 'hosted' })).total).toBe(0);
  });

  it('lists both under "all" (the default), each with the person’s own role', async () => {
    const all = await list(ada);
    expect(all.titles).toEqual(['Chemistry club', 'Biology lab', 'Algebra revision']);
    expect(all.items.map((s) => s.myRole)).toEqual(['member', 'host', 'host']);
    expect(all.items.map((s) => s.joinToken !== undefined)).toEqual([false, true, true]);
  });

  it('paginates with the total', async () => {
    const page2 = await hub.call('sessions', {
      token: ada.token,
      query: { pageSize: 2, page: 2 },
    });
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
    expect(page2.body.items.map((s: Listed) => s.title)).toEqual(['Algebra revision']);
  });

  it('drops a session from the list once its member leaves', async () => {
    const newcomer = await signUp(hub);
    const session = await hostSession(hub, zed, { title: 'Drop-in' });
    await join(hub, newcomer, session.joinToken);
    expect((await list(newcomer)).titles).toEqual(['Drop-in']);
    await hub.call('leaveSession', { token: newcomer.token, params: { sessionId: session.id } });
    expect((await list(newcomer)).total).toBe(0);
    // Leave the hub with exactly the three sessions above.
    const deleted = await hub.call('deleteSession', {
      token: zed.token,
      params: { sessionId: session.id },
    });
    expect(deleted.status).toBe(204);
  });
});

describe('searching sessions', () => {
  it('finds a session by a word of its title, in any case', async () => {
    expect((await list(sam, { q: 'ALGEBRA' })).titles).toEqual(['Algebra revision']);
    expect((await list(sam, { q: 'club chem' })).titles).toEqual(['Chemistry club']);
  });

  it('finds sessions by the host’s name or username', async () => {
    expect((await list(sam, { q: 'quorra' })).titles).toEqual(['Chemistry club']);
    expect((await list(sam, { q: 'Lovelace' })).titles).toEqual(['Algebra revision']);
    expect((await list(sam, { q: 'ada_l' })).titles).toEqual(['Algebra revision']);
  });

  it('searches only the sessions the person may see', async () => {
    // Biology lab exists, but Sam is not in it.
    expect((await list(sam, { q: 'biology' })).total).toBe(0);
    expect((await list(zed, { q: 'lovelace' })).total).toBe(0);
  });

  it('combines search with the scope', async () => {
    expect((await list(ada, { q: 'lovelace', scope: 'joined' })).total).toBe(0);
    expect((await list(ada, { q: 'lovelace', scope: 'hosted' })).titles).toEqual([
      'Biology lab',
      'Algebra revision',
    ]);
  });
});

describe('admins', () => {
  it('see every session, looking in from outside with the join token', async () => {
    const all = await list(admin);
    expect(all.total).toBe(3);
    expect(new Set(all.items.map((s) => s.id))).toEqual(
      new Set([ids.algebra, ids.biology, ids.chemistry]),
    );
    for (const session of all.items) {
      expect(session.myRole).toBeNull();
      expect(session.joinToken).toMatch(
        /^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/,
      );
    }
  });

  it('search every session by title and host', async () => {
    expect((await list(admin, { q: 'biology' })).titles).toEqual(['Biology lab']);
    expect((await list(admin, { q: 'quorra' })).titles).toEqual(['Chemistry club']);
  });

  it('only see their own under "hosted" and "joined"', async () => {
    expect((await list(admin, { scope: 'hosted' })).total).toBe(0);
    expect((await list(admin, { scope: 'joined' })).total).toBe(0);
  });

  it('while other people never see sessions they are not in', async () => {
    expect((await list(zed)).titles).toEqual(['Chemistry club']);
  });
});
