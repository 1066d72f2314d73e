import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { UserRecord } from '../../../../src-server/storage/records';
import type { UsersRepository } from '../../../../src-server/storage/repositories';

/** A fresh, empty store for one test, and how to release it afterwards. */
export interface OpenedUsersRepository {
  readonly users: UsersRepository;
  close(): Promise<void>;
}

let created = 0;

/** A valid user; `createdAt` grows with each call so "newest first" has one right answer. */
export function aUser(fields: Partial<UserRecord> & Pick<UserRecord, 'username'>): UserRecord {
  created++;
  const at = new Date(Date.UTC(2025, 0, 1, 0, 0, created)).toISOString();
  return {
    id: `user-${created}` as UserId,
    email: `${fields.username.toLowerCase()}@school.example`,
    firstName: 'Sam',
    lastName: 'Taylor',
    role: 'student',
    isAdmin: false,
    status: 'active',
    emailVerified: true,
    passwordHash: 'not-a-real-hash',
    bio: '',
    createdAt: at,
    updatedAt: at,
    ...fields,
  };
}

const usernames = (users: readonly UserRecord[]) => users.map((user) => user.username);

/**
 * The behaviour every UsersRepository must show, whatever stores it. Run it
 * once per implementation: `describeUsersRepositoryContract('lowdb', open)`.
 */
export function describeUsersRepositoryContract(
  name: string,
  open: () => Promise<OpenedUsersRepository>,
): void {
  describe(`UsersRepository contract: ${name}`, () => {
    let opened: OpenedUsersRepository;
    let users: UsersRepository;
    beforeEach(async () => {
      opened = await open();
      users = opened.users;
    });
    afterEach(async () => {
      await opened.close();
    });

    const insertAll = async (records: UserRecord[]) => {
      for (const record of records) await users.insert(record);
      return records;
    };

    describe('lookups', () => {
      it('finds a user by username whatever the case', async () => {
        const [alice] = await insertAll([aUser({ username: 'Alice' }), aUser({ username: 'bob' })]);

        expect((await users.findByUsername('alice'))?.id).toBe(alice!.id);
        expect((await users.findByUsername('ALICE'))?.id).toBe(alice!.id);
        expect(await users.findByUsername('alic')).toBeUndefined();
      });

      it('finds a user by email whatever the case of the query', async () => {
        const [alice] = await insertAll([
          aUser({ username: 'alice', email: 'alice.k@school.example' }),
        ]);

        expect((await users.findByEmail('alice.k@school.example'))?.id).toBe(alice!.id);
        expect((await users.findByEmail('Alice.K@School.Example'))?.id).toBe(alice!.id);
        expect(await users.findByEmail('bob@school.example')).toBeUndefined();
      });

      it('gets a user by id, and forgets it once deleted', async () => {
        const [alice] = await insertAll([aUser({ username: 'alice' })]);
        expect(await users.get(alice!.id)).toEqual(alice);

        expect(await users.delete(alice!.id)).toBe(true);
        expect(await users.get(alice!.id)).toBeUndefined();
        expect(await users.findByUsername('alice')).toBeUndefined();
        expect(await users.delete(alice!.id)).toBe(false);
      });

      it('counts users and active admins', async () => {
        await insertAll([
          aUser({ username: 'admin1', isAdmin: true }),
          aUser({ username: 'admin2', isAdmin: true, status: 'pending' }),
          aUser({ username: 'plain' }),
        ]);

        expect(await users.count()).toBe(3);
        expect(await users.countActiveAdmins()).toBe(1);
      });
    });

    describe('unique keys', () => {
      it('refuses a username that differs from a taken one only by case', async () => {
        await insertAll([aUser({ username: 'alice' })]);
        await expect(
          users.insert(aUser({ username: 'ALICE', email: 'other@school.example' })),
        ).rejects.toMatchObject({
          name: 'UniqueViolation',
          key: 'username',
        });
      });

      it('refuses a taken email, on insert and on update', async () => {
        const [, bob] = await insertAll([aUser({ username: 'alice' }), aUser({ username: 'bob' })]);

        await expect(
          users.insert(aUser({ username: 'carol', email: 'alice@school.example' })),
        ).rejects.toMatchObject({
          name: 'UniqueViolation',
          key: 'email',
        });
        await expect(
          users.update(bob!.id, (user) => ({ ...user, email: 'alice@school.example' })),
        ).rejects.toMatchObject({
          name: 'UniqueViolation',
          key: 'email',
        });
        expect((await users.get(bob!.id))?.email).toBe('bob@school.example');
      });

      it('finds a user under the new username after an update, and not under the old one', async () => {
        const [alice] = await insertAll([aUser({ username: 'alice' })]);
        await users.update(alice!.id, (user) => ({ ...user, username: 'alicia' }));

        expect(await users.findByUsername('alice')).toBeUndefined();
        expect((await users.findByUsername('Alicia'))?.id).toBe(alice!.id);
        expect(
          usernames(
            (await users.search({ text: 'alicia', matchEmail: false, offset: 0, limit: 10 })).items,
          ),
        ).toEqual(['alicia']);
      });
    });

    describe('search', () => {
      const query = (fields: Partial<Parameters<UsersRepository['search']>[0]>) => ({
        matchEmail: false,
        offset: 0,
        limit: 50,
        ...fields,
      });

      it('ranks an exact match above a match with one typo', async () => {
        await insertAll([
          aUser({ username: 'jonson', firstName: 'Peter', lastName: 'Jonson' }),
          aUser({ username: 'mjohnson', firstName: 'Mary', lastName: 'Johnson' }),
          aUser({ username: 'unrelated', firstName: 'Zoe', lastName: 'Park' }),
        ]);

        const result = await users.search(query({ text: 'Johnson' }));

        expect(usernames(result.items)).toEqual(['mjohnson', 'jonson']);
        expect(result.total).toBe(2);
      });

      it('forgives one typo in a word, but not two', async () => {
        await insertAll([aUser({ username: 'kowalski', firstName: 'Anna', lastName: 'Kowalski' })]);

        expect(usernames((await users.search(query({ text: 'Kowalsky' }))).items)).toEqual([
          'kowalski',
        ]);
        expect((await users.search(query({ text: 'Kovalsky' }))).items).toEqual([]);
      });

      it('matches the beginning of a name', async () => {
        await insertAll([aUser({ username: 'kowalski', firstName: 'Anna', lastName: 'Kowalski' })]);
        expect(usernames((await users.search(query({ text: 'kowa' }))).items)).toEqual([
          'kowalski',
        ]);
      });

      it('does not match email addresses unless asked to', async () => {
        await insertAll([
          aUser({
            username: 'dana',
            firstName: 'Dana',
            lastName: 'Miles',
            email: 'zebra77@mail.example',
          }),
        ]);

        expect((await users.search(query({ text: 'zebra77', matchEmail: false }))).items).toEqual(
          [],
        );
        expect(
          usernames((await users.search(query({ text: 'zebra77', matchEmail: true }))).items),
        ).toEqual(['dana']);
      });

      it('lists the newest accounts first when there is no text', async () => {
        await insertAll([
          aUser({ username: 'first' }),
          aUser({ username: 'second' }),
          aUser({ username: 'third' }),
        ]);

        const result = await users.search(query({}));

        expect(usernames(result.items)).toEqual(['third', 'second', 'first']);
        expect(result.total).toBe(3);
      });

      it('filters by statuses and by role, with and without text', async () => {
        await insertAll([
          aUser({ username: 'pending-student', lastName: 'Smith', status: 'pending' }),
          aUser({ username: 'active-student', lastName: 'Smith' }),
          aUser({
            username: 'pending-teacher',
            lastName: 'Smith',
            status: 'pending',
            role: 'teacher',
          }),
          aUser({
            username: 'rejected-teacher',
            lastName: 'Smith',
            status: 'rejected',
            role: 'teacher',
          }),
        ]);

        expect(usernames((await users.search(query({ statuses: ['pending'] }))).items)).toEqual([
          'pending-teacher',
          'pending-student',
        ]);
        expect(usernames((await users.search(query({ role: 'teacher' }))).items)).toEqual([
          'rejected-teacher',
          'pending-teacher',
        ]);
        expect(
          usernames(
            (await users.search(query({ role: 'teacher', statuses: ['pending', 'active'] }))).items,
          ),
        ).toEqual(['pending-teacher']);
        const withText = await users.search(
          query({ text: 'Smith', role: 'student', statuses: ['active'] }),
        );
        expect(usernames(withText.items)).toEqual(['active-student']);
        expect(withText.total).toBe(1);
      });

      it('pages the results and reports the total of every match', async () => {
        const all = await insertAll(
          Array.from({ length: 7 }, (_, i) => aUser({ username: `user${i}` })),
        );
        const newestFirst = usernames(all).reverse();

        const first = await users.search(query({ offset: 0, limit: 3 }));
        const last = await users.search(query({ offset: 6, limit: 3 }));
        const beyond = await users.search(query({ offset: 10, limit: 3 }));

        expect(usernames(first.items)).toEqual(newestFirst.slice(0, 3));
        expect(usernames(last.items)).toEqual(newestFirst.slice(6));
        expect([first.total, last.total, beyond.total]).toEqual([7, 7, 7]);
        expect(beyond.items).toEqual([]);
      });

      it('stops finding a deleted user', async () => {
        const [dana] = await insertAll([aUser({ username: 'dana', firstName: 'Dana' })]);
        await users.delete(dana!.id);

        expect(await users.search(query({ text: 'dana' }))).toEqual({ items: [], total: 0 });
      });
    });

    describe('updateKeepingAnAdmin', () => {
      const demote = (user: UserRecord) => ({ ...user, isAdmin: false });

      it('changes an account like update when an active admin remains', async () => {
        const [ada, ben] = await insertAll([
          aUser({ username: 'ada', isAdmin: true }),
          aUser({ username: 'ben', isAdmin: true }),
        ]);
        const changed = await users.updateKeepingAnAdmin(ben!.id, demote);
        expect(changed).toMatchObject({ id: ben!.id, isAdmin: false });
        expect(await users.get(ben!.id)).toMatchObject({ isAdmin: false });
        expect(await users.get(ada!.id)).toEqual(ada);
        expect(await users.countActiveAdmins()).toBe(1);
      });

      it('refuses to take the role from the only active admin, changing nothing', async () => {
        const [ada, pending] = await insertAll([
          aUser({ username: 'ada', isAdmin: true }),
          aUser({ username: 'pia', isAdmin: true, status: 'pending' }),
        ]);
        expect(await users.updateKeepingAnAdmin(ada!.id, demote)).toBe('last-admin');
        expect(
          await users.updateKeepingAnAdmin(ada!.id, (u) => ({ ...u, status: 'rejected' })),
        ).toBe('last-admin');
        expect(await users.get(ada!.id)).toEqual(ada);
        // A change that keeps the role is no concern of the rule.
        expect(
          await users.updateKeepingAnAdmin(ada!.id, (u) => ({ ...u, bio: 'hi' })),
        ).toMatchObject({ bio: 'hi', isAdmin: true });
        expect(await users.updateKeepingAnAdmin(pending!.id, demote)).toMatchObject({
          isAdmin: false,
        });
      });

      it('answers undefined for an account that does not exist', async () => {
        await insertAll([aUser({ username: 'ada', isAdmin: true })]);
        expect(await users.updateKeepingAnAdmin('user-none' as UserId, demote)).toBeUndefined();
      });

      it('lets exactly one of two admins demoting each other at once succeed', async () => {
        for (let round = 0; round < 5; round++) {
          const [ada, ben] = await insertAll([
            aUser({ username: `ada${round}`, isAdmin: true }),
            aUser({ username: `ben${round}`, isAdmin: true }),
          ]);
          const results = await Promise.all([
            users.updateKeepingAnAdmin(ada!.id, demote),
            users.updateKeepingAnAdmin(ben!.id, demote),
          ]);
          expect(results.filter((result) => result === 'last-admin')).toHaveLength(1);
          expect(await users.countActiveAdmins()).toBe(1);
          // Next round starts with no admin left over from this one.
          for (const user of [ada, ben]) await users.delete(user!.id);
        }
      });

      it('keeps one of many admins when all are demoted at once', async () => {
        const admins = await insertAll(
          Array.from({ length: 6 }, (_, i) => aUser({ username: `admin${i}`, isAdmin: true })),
        );
        const results = await Promise.all(
          admins.map((admin) => users.updateKeepingAnAdmin(admin.id, demote)),
        );
        expect(results.filter((result) => result === 'last-admin')).toHaveLength(1);
        expect(await users.countActiveAdmins()).toBe(1);
      });
    });
  });
}
