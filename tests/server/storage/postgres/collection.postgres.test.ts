import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connectPostgres,
  type PgConnection,
} from '../../../../src-server/storage/postgres/connect';
import { migrateToLatest } from '../../../../src-server/storage/postgres/migrate';
import { PgCollection } from '../../../../src-server/storage/postgres/collection';
import type { CollectionDefinition } from '../../../../src-server/storage/document-collection';
import { freshPostgresDatabase } from '../../../support/postgres-database';
import type { TestDatabase } from '../../../support/postgres';
import { silentLogger } from '../helpers';

interface Seat {
  id: string;
  course: string;
  user: string;
  status: 'active' | 'left';
  note?: string;
}

// The enrolments table of migration 001, with a definition of the test's own.
const seats: CollectionDefinition<Seat> = {
  name: 'enrolments',
  indexes: {
    course: (seat) => seat.course,
    user: (seat) => seat.user,
    activeInCourse: (seat) => (seat.status === 'active' ? seat.course : undefined),
  },
};
const tokens: CollectionDefinition<{ id: string; tokenHash: string; userId: string }> = {
  name: 'account-tokens',
  unique: { hash: (token) => token.tokenHash },
  indexes: { user: (token) => token.userId, expiryDay: () => undefined },
};

let database: TestDatabase;
let connection: PgConnection;
let run = 0;
/** A key no other test uses, so tests share the tables without seeing each other's rows. */
const fresh = (what: string) => `${what}-${++run}`;

beforeAll(async () => {
  database = await freshPostgresDatabase();
  connection = connectPostgres(database.url, silentLogger);
  await migrateToLatest(connection.db, silentLogger);
});
afterAll(async () => {
  await connection.close();
  await database.drop();
});

const seat = (course: string, user: string, status: Seat['status'] = 'active'): Seat => ({
  id: `${course}:${user}`,
  course,
  user,
  status,
});

describe('PgCollection', () => {
  it('migrates an already migrated database without change, also from two hubs at once', async () => {
    const other = connectPostgres(database.url, silentLogger);
    try {
      await Promise.all([
        migrateToLatest(connection.db, silentLogger),
        migrateToLatest(other.db, silentLogger),
      ]);
    } finally {
      await other.close();
    }
  });

  it('reads back what it stored, lists by index in insertion order, and forgets deleted records', async () => {
    const collection = await PgCollection.open(connection.db, seats);
    const course = fresh('course');
    await collection.insert(seat(course, 'b'));
    await collection.insert(seat(course, 'a', 'left'));
    await collection.insert(seat(course, 'c'));

    expect(await collection.get(`${course}:a`)).toEqual(seat(course, 'a', 'left'));
    expect((await collection.listByIndex('course', course)).map((s) => s.user)).toEqual([
      'b',
      'a',
      'c',
    ]);
    expect(await collection.countByIndex('activeInCourse', course)).toBe(2);
    expect(await collection.indexKeys('activeInCourse')).toContain(course);

    await collection.update(`${course}:b`, (s) => ({ ...s, status: 'left' }));
    expect(await collection.countByIndex('activeInCourse', course)).toBe(1);
    expect(await collection.deleteMany([`${course}:a`, `${course}:c`, 'nobody'])).toBe(2);
    expect(await collection.delete(`${course}:a`)).toBe(false);
    expect((await collection.listByIndex('course', course)).map((s) => s.user)).toEqual(['b']);
    expect(await collection.update('nobody', (s) => s)).toBeUndefined();
  });

  it('pages the whole collection newest first, with and without a filter', async () => {
    const collection = await PgCollection.open(connection.db, seats);
    const course = fresh('paged');
    for (const user of ['u1', 'u2', 'u3', 'u4']) await collection.insert(seat(course, user));
    const total = await collection.count();

    const page = await collection.newestFirst({ offset: 1, limit: 2 });
    expect(page.items.map((s) => s.user)).toEqual(['u3', 'u2']);
    expect(page.total).toBe(total);
    const filtered = await collection.newestFirst(
      { offset: 0, limit: 3 },
      (s) => s.course === course,
    );
    expect(filtered.items.map((s) => s.user)).toEqual(['u4', 'u3', 'u2']);
    expect(filtered.total).toBe(4);
  });

  it('restores a batch in one statement with its keys filled, refusing a taken unique key', async () => {
    const collection = await PgCollection.open(connection.db, seats);
    const course = fresh('restored');
    await collection.insertBatch(connection.db, [seat(course, 'r1'), seat(course, 'r2', 'left')]);

    expect((await collection.listByIndex('course', course)).map((s) => s.user)).toEqual([
      'r1',
      'r2',
    ]);
    expect(await collection.countByIndex('activeInCourse', course)).toBe(1);
    const restoredTokens = await PgCollection.open(connection.db, tokens);
    const hash = fresh('hash');
    await restoredTokens.insertBatch(connection.db, [
      { id: fresh('token'), tokenHash: hash, userId: 'u' },
    ]);
    await expect(
      restoredTokens.insertBatch(connection.db, [
        { id: fresh('token'), tokenHash: hash, userId: 'u' },
      ]),
    ).rejects.toMatchObject({ name: 'UniqueViolation', key: 'hash' });
  });

  it('refuses a taken id or unique key with UniqueViolation, on insert and on update', async () => {
    const collection = await PgCollection.open(connection.db, tokens);
    const hash = fresh('hash');
    const first = { id: fresh('token'), tokenHash: hash, userId: 'u' };
    await collection.insert(first);

    await expect(collection.insert({ ...first, tokenHash: fresh('hash') })).rejects.toMatchObject({
      name: 'UniqueViolation',
      key: 'id',
    });
    await expect(
      collection.insert({ id: fresh('token'), tokenHash: hash, userId: 'u' }),
    ).rejects.toMatchObject({
      name: 'UniqueViolation',
      key: 'hash',
    });
    const second = await collection.insert({
      id: fresh('token'),
      tokenHash: fresh('hash'),
      userId: 'u',
    });
    await expect(
      collection.update(second.id, (t) => ({ ...t, tokenHash: hash })),
    ).rejects.toMatchObject({
      name: 'UniqueViolation',
      key: 'hash',
    });
    expect((await collection.getByUnique('hash', hash))?.id).toBe(first.id);
  });

  it('loses no change when many updates of one record run at once', async () => {
    const collection = await PgCollection.open(connection.db, seats);
    const record = await collection.insert({ ...seat(fresh('count'), 'x'), note: '' });
    await Promise.all(
      Array.from({ length: 20 }, () =>
        collection.update(record.id, (s) => ({ ...s, note: `${s.note}+` })),
      ),
    );
    expect((await collection.get(record.id))?.note).toBe('+'.repeat(20));
  });

  it('upserts from many callers at once: one insert, every change kept', async () => {
    const collection = await PgCollection.open(connection.db, seats);
    const course = fresh('upsert');
    const id = `${course}:x`;
    await Promise.all(
      Array.from({ length: 10 }, () =>
        collection.upsert(id, (current) => ({
          ...seat(course, 'x'),
          note: `${current?.note ?? ''}+`,
        })),
      ),
    );
    expect((await collection.get(id))?.note).toBe('+'.repeat(10));
  });

  it('never lets more records than the capacity under one key, however many ask at once', async () => {
    const collections = await Promise.all([
      PgCollection.open(connection.db, seats),
      PgCollection.open(connection.db, seats),
    ]);
    const course = fresh('capacity');
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        collections[i % 2]!.insertOrUpdateIfCountBelow(
          'activeInCourse',
          course,
          5,
          seat(course, `u${i}`),
        ),
      ),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(5);
    expect(await collections[0]!.countByIndex('activeInCourse', course)).toBe(5);
  });

  it('takes a place for a record that left, and refuses one already active', async () => {
    const collection = await PgCollection.open(connection.db, seats);
    const course = fresh('rejoin');
    await collection.insert(seat(course, 'a', 'left'));
    const activeOnlyOnce = (existing: Seat) => existing.status !== 'active';

    expect(
      await collection.insertOrUpdateIfCountBelow(
        'activeInCourse',
        course,
        2,
        seat(course, 'a'),
        activeOnlyOnce,
      ),
    ).toBe(true);
    expect((await collection.get(`${course}:a`))?.status).toBe('active');
    await expect(
      collection.insertOrUpdateIfCountBelow(
        'activeInCourse',
        course,
        2,
        seat(course, 'a'),
        activeOnlyOnce,
      ),
    ).rejects.toMatchObject({ name: 'UniqueViolation', key: 'id' });
  });

  it('numbers records under one key without gaps or repeats when inserted at once', async () => {
    const collection = await PgCollection.open(connection.db, seats);
    const course = fresh('numbered');
    const stored = await Promise.all(
      Array.from({ length: 8 }, () =>
        collection.insertNumbered('course', course, (n) => seat(course, `v${n + 1}`)),
      ),
    );
    expect(stored.map((s) => s.user).sort()).toEqual([
      'v1',
      'v2',
      'v3',
      'v4',
      'v5',
      'v6',
      'v7',
      'v8',
    ]);
  });

  it('counts the whole collection and inserts as one step, from two connections at once', async () => {
    const marks = { name: 'done-marks' } satisfies CollectionDefinition<{ id: string }>;
    const other = connectPostgres(database.url, silentLogger);
    try {
      const collections = [
        await PgCollection.open(connection.db, marks),
        await PgCollection.open(other.db, marks),
      ];
      // Two callers that saw the same count would build the same id and one would fail.
      const stored = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          collections[i % 2]!.insertCountingAll((n) => ({ id: `mark-${n}` })),
        ),
      );
      expect(stored.map((mark) => mark.id).sort()).toEqual(
        Array.from({ length: 10 }, (_, n) => `mark-${n}`).sort(),
      );
    } finally {
      await other.close();
    }
  });

  it('changes several records all or none', async () => {
    const collection = await PgCollection.open(connection.db, seats);
    const course = fresh('claims');
    await collection.insert(seat(course, 'a'));
    await collection.insert(seat(course, 'b'));
    await collection.insert({ ...seat(course, 'c'), note: 'taken' });
    const claim = (ids: string[], note: string) =>
      collection.updateAllOrNone(
        ids,
        (s) => s.note === undefined,
        (s) => ({ ...s, note }),
      );

    expect(await claim([`${course}:a`, `${course}:c`], 'mine')).toEqual({
      ok: false,
      badId: `${course}:c`,
    });
    expect(await claim([`${course}:a`, `${course}:nobody`], 'mine')).toEqual({
      ok: false,
      badId: `${course}:nobody`,
    });
    expect((await collection.get(`${course}:a`))?.note).toBeUndefined();

    const [first, second] = await Promise.all([
      claim([`${course}:a`, `${course}:b`], 'one'),
      claim([`${course}:b`, `${course}:a`], 'two'),
    ]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const notes = (await collection.listByIndex('course', course)).map((s) => s.note);
    expect(new Set(notes.slice(0, 2)).size).toBe(1);
  });

  it('refuses a record that does not fit the schema, storing nothing', async () => {
    const { z } = await import('zod');
    const strict = await PgCollection.open(connection.db, {
      ...seats,
      schema: z.object({
        id: z.string(),
        course: z.string(),
        user: z.string(),
        status: z.enum(['active', 'left']),
      }),
    });
    const course = fresh('schema');
    await expect(strict.insert({ ...seat(course, 'a'), status: 'gone' as never })).rejects.toThrow(
      /does not fit its schema/,
    );
    expect(await strict.get(`${course}:a`)).toBeUndefined();
  });

  it('refuses text with a NUL character, which jsonb cannot hold, storing nothing', async () => {
    const collection = await PgCollection.open(connection.db, seats);
    const course = fresh('nul');
    await expect(
      collection.insert({ ...seat(course, 'a'), note: 'a\u0000b' }),
    ).rejects.toMatchObject({
      name: 'UnstorableTextError',
    });
    expect(await collection.get(`${course}:a`)).toBeUndefined();
  });

  it('names the missing column when a collection has a key its table lacks', async () => {
    await expect(
      PgCollection.open(connection.db, {
        ...seats,
        indexes: { ...seats.indexes, teacher: () => 'x' },
      }),
    ).rejects.toThrow(/enrolments lacks i_teacher/);
  });
});
