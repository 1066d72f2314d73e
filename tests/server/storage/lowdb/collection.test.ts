import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptDataError, UniqueViolation } from '../../../../src-server/storage/errors';
import {
  LowdbCollection,
  type CollectionOptions,
} from '../../../../src-server/storage/lowdb/collection';
import { captureLogger, makeTempDir, silentLogger, type TempDir } from '../helpers';
import { journalLines, recordsOnDisk } from './disk';

interface Member {
  readonly id: string;
  readonly email: string;
  readonly room: string;
}

const members: CollectionOptions<Member> = {
  name: 'members',
  unique: { email: (member) => member.email },
  indexes: { room: (member) => member.room },
};

const member = (i: number | string, room = 'r1'): Member => ({
  id: `m${i}`,
  email: `${i}@x.example`,
  room,
});

describe('LowdbCollection', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(async () => {
    await dir.remove();
  });

  const openMembers = (logger = silentLogger) =>
    LowdbCollection.open<Member>(dir.path, members, logger);
  const onDisk = () => recordsOnDisk(dir.path, 'members');

  describe('durability', () => {
    it('resolves an insert only once the record is in a file on disk', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });

      // Read straight away, before any flush() or close: the promise alone must mean "stored".
      expect(await onDisk()).toEqual(
        new Map([['m1', { id: 'm1', email: 'a@x.example', room: 'r1' }]]),
      );
      const reopened = await openMembers();
      expect(reopened.get('m1')).toEqual({ id: 'm1', email: 'a@x.example', room: 'r1' });
    });

    it('resolves updates and deletes only once they are on disk', async () => {
      const collection = await openMembers();
      await collection.insert(member(1));
      await collection.insert(member(2));

      await collection.update('m1', (m) => ({ ...m, room: 'r2' }));
      expect((await onDisk()).get('m1')).toMatchObject({ room: 'r2' });

      await collection.delete('m2');
      expect([...(await onDisk()).keys()]).toEqual(['m1']);
    });

    it('removes temp files left by an interrupted snapshot write on open, logs them, and keeps the acknowledged data', async () => {
      const collection = await openMembers();
      await collection.insert(member(1));
      await writeFile(join(dir.path, 'members.json.4242-7.tmp'), '{"version":2,"records":[{"id":');

      const captured = captureLogger();
      const reopened = await openMembers(captured.logger);

      expect(await readdir(dir.path)).toEqual(['members.journal-0.jsonl']);
      expect(reopened.size).toBe(1);
      expect(captured.warnings()).toEqual([
        expect.objectContaining({ collection: 'members', leftovers: ['members.json.4242-7.tmp'] }),
      ]);
    });

    it('refuses to open a file that is not valid JSON with a CorruptDataError naming the file', async () => {
      const file = join(dir.path, 'members.json');
      await writeFile(file, '{"version":1,"records":{"m1":{"id":"m1","em');

      const opening = openMembers();

      await expect(opening).rejects.toBeInstanceOf(CorruptDataError);
      await expect(opening).rejects.toMatchObject({
        file,
        message: expect.stringContaining('members.json'),
      });
    });

    it('refuses to open an empty file rather than starting an empty collection', async () => {
      await writeFile(join(dir.path, 'members.json'), '');
      await expect(openMembers()).rejects.toBeInstanceOf(CorruptDataError);
    });

    it('refuses a file holding null, naming the file, rather than starting empty', async () => {
      const file = join(dir.path, 'members.json');
      await writeFile(file, 'null');
      await expect(openMembers()).rejects.toMatchObject({
        name: 'CorruptDataError',
        file,
        message: expect.stringContaining('holds null'),
      });
    });

    it('refuses valid JSON of an unknown shape', async () => {
      await writeFile(join(dir.path, 'members.json'), '[{"id":"m1"}]');
      await expect(openMembers()).rejects.toBeInstanceOf(CorruptDataError);
      await writeFile(join(dir.path, 'members.json'), '{"records":{}}');
      await expect(openMembers()).rejects.toThrow(/no format version/);
    });

    it('refuses a file written by a newer hub instead of misreading it', async () => {
      await writeFile(join(dir.path, 'members.json'), '{"version":99,"records":[]}');
      await expect(openMembers()).rejects.toThrow(/newer ClassHub/);
    });

    it('refuses a record JSON cannot hold without wedging later commits', async () => {
      const collection = await openMembers();
      const unstorable = { ...member(1), email: 1n } as unknown as Member;

      await expect(collection.insert(unstorable)).rejects.toThrow(/BigInt/);
      expect(collection.get('m1')).toBeUndefined();
      await collection.insert(member(2));
      expect([...(await onDisk()).keys()]).toEqual(['m2']);
    });

    it('starts empty when the file does not exist yet, and writes nothing until a change', async () => {
      const collection = await openMembers();
      expect(collection.size).toBe(0);
      expect([...collection.values()]).toEqual([]);
      expect(await readdir(dir.path)).toEqual([]);
    });
  });

  describe('unique keys', () => {
    it('lets exactly one of 50 concurrent inserts with the same key succeed, and names the key in the others', async () => {
      const collection = await openMembers();

      const results = await Promise.allSettled(
        Array.from({ length: 50 }, (_, i) =>
          collection.insert({ id: `m${i}`, email: 'same@x.example', room: 'r1' }),
        ),
      );

      const fulfilled = results.filter((result) => result.status === 'fulfilled');
      const rejected = results.filter((result) => result.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(49);
      for (const result of rejected) {
        expect(result.reason).toBeInstanceOf(UniqueViolation);
        expect(result.reason).toMatchObject({ collection: 'members', key: 'email' });
      }
      expect((await onDisk()).size).toBe(1);
    });

    it('refuses an insert that reuses an id', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });

      await expect(
        collection.insert({ id: 'm1', email: 'other@x.example', room: 'r1' }),
      ).rejects.toMatchObject({
        name: 'UniqueViolation',
        key: 'id',
      });
    });

    it('refuses an update that would take another record\u2019s key, and leaves both records as they were', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });
      await collection.insert({ id: 'm2', email: 'b@x.example', room: 'r1' });

      await expect(
        collection.update('m2', (member) => ({ ...member, email: 'a@x.example' })),
      ).rejects.toMatchObject({
        name: 'UniqueViolation',
        key: 'email',
      });

      expect(collection.get('m2')?.email).toBe('b@x.example');
      expect(collection.getByUnique('email', 'a@x.example')?.id).toBe('m1');
      expect(collection.getByUnique('email', 'b@x.example')?.id).toBe('m2');
    });

    it('allows an update that keeps the record\u2019s own key', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });

      await expect(
        collection.update('m1', (member) => ({ ...member, room: 'r2' })),
      ).resolves.toMatchObject({ room: 'r2' });
    });

    it('frees a key when its record is deleted', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });
      await collection.delete('m1');

      await expect(
        collection.insert({ id: 'm2', email: 'a@x.example', room: 'r1' }),
      ).resolves.toMatchObject({ id: 'm2' });
    });
  });

  describe('indexes', () => {
    it('moves a record between unique and secondary keys when it is updated', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });
      await collection.insert({ id: 'm2', email: 'b@x.example', room: 'r1' });

      await collection.update('m1', (member) => ({
        ...member,
        email: 'new@x.example',
        room: 'r2',
      }));

      expect(collection.getByUnique('email', 'a@x.example')).toBeUndefined();
      expect(collection.getByUnique('email', 'new@x.example')?.id).toBe('m1');
      expect(collection.listByIndex('room', 'r1').map((member) => member.id)).toEqual(['m2']);
      expect(collection.listByIndex('room', 'r2').map((member) => member.id)).toEqual(['m1']);
      expect(collection.countByIndex('room', 'r1')).toBe(1);
    });

    it('lists each record as it is now when an update keeps its key', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });

      await collection.update('m1', (member) => ({ ...member, email: 'new@x.example' }));

      expect(collection.listByIndex('room', 'r1')).toEqual([
        { id: 'm1', email: 'new@x.example', room: 'r1' },
      ]);
    });

    it('drops deleted records from every index', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });
      await collection.insert({ id: 'm2', email: 'b@x.example', room: 'r1' });

      expect(await collection.deleteMany(['m1', 'm2', 'unknown'])).toBe(2);

      expect(collection.getByUnique('email', 'a@x.example')).toBeUndefined();
      expect(collection.listByIndex('room', 'r1')).toEqual([]);
      expect(collection.countByIndex('room', 'r1')).toBe(0);
      expect(collection.size).toBe(0);
    });

    it('rebuilds its indexes from the file when reopened', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });
      await collection.insert({ id: 'm2', email: 'b@x.example', room: 'r1' });

      const reopened = await openMembers();

      expect(reopened.getByUnique('email', 'b@x.example')?.id).toBe('m2');
      expect(reopened.listByIndex('room', 'r1').map((member) => member.id)).toEqual(['m1', 'm2']);
      await expect(
        reopened.insert({ id: 'm3', email: 'a@x.example', room: 'r1' }),
      ).rejects.toBeInstanceOf(UniqueViolation);
    });

    it('returns undefined when updating a record that does not exist, without writing', async () => {
      const collection = await openMembers();
      expect(await collection.update('nobody', (member) => member)).toBeUndefined();
      expect(await collection.delete('nobody')).toBe(false);
      expect(await readdir(dir.path)).toEqual([]);
    });
  });

  describe('write cost', () => {
    it('appends far fewer than 200 journal lines for 200 concurrent inserts, and stores all of them', async () => {
      const collection = await openMembers();

      await Promise.all(Array.from({ length: 200 }, (_, i) => collection.insert(member(i))));

      const lines = await journalLines(dir.path, 'members');
      expect(lines.length).toBeGreaterThanOrEqual(1);
      expect(lines.length).toBeLessThanOrEqual(5);
      expect((await onDisk()).size).toBe(200);
    });

    it('appends one line per insert when inserts are awaited one by one', async () => {
      const collection = await openMembers();
      for (let i = 0; i < 5; i++) await collection.insert(member(i));
      expect(await journalLines(dir.path, 'members')).toHaveLength(5);
    });

    it('writes only the changed record per commit, whatever the size of the collection', async () => {
      const appendedByOneUpdate = async (size: number) => {
        const sub = await makeTempDir();
        try {
          const collection = await LowdbCollection.open<Member>(sub.path, members, silentLogger);
          await Promise.all(Array.from({ length: size }, (_, i) => collection.insert(member(i))));
          await collection.flush();
          const before = await journalLines(sub.path, 'members');
          await collection.update('m7', (m) => ({ ...m, room: 'moved' }));
          const after = await journalLines(sub.path, 'members');
          await collection.close();
          return after.slice(before.length);
        } finally {
          await sub.remove();
        }
      };

      const small = await appendedByOneUpdate(20);
      const large = await appendedByOneUpdate(3_000);

      expect(large).toEqual(small);
      expect(JSON.parse(large[0]!)).toEqual({
        put: [{ id: 'm7', email: '7@x.example', room: 'moved' }],
      });
    });

    it('never touches the files of another collection when one collection is written', async () => {
      const rooms = await LowdbCollection.open<Member>(dir.path, { name: 'rooms' }, silentLogger);
      await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          rooms.insert({ id: `r${i}`, email: '', room: `room ${i}` }),
        ),
      );
      const roomsFile = join(dir.path, 'rooms.journal-0.jsonl');
      const before = await stat(roomsFile);
      const roomsContent = await readFile(roomsFile);

      const collection = await openMembers();
      for (let i = 0; i < 20; i++) await collection.insert(member(i));

      const after = await stat(roomsFile);
      expect({ ino: after.ino, size: after.size, mtimeMs: after.mtimeMs }).toEqual({
        ino: before.ino,
        size: before.size,
        mtimeMs: before.mtimeMs,
      });
      expect(await readFile(roomsFile)).toEqual(roomsContent);
      expect(await journalLines(dir.path, 'members')).toHaveLength(20);
    });
  });
});
