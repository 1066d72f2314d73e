import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as durableFile from '../../../../src-server/storage/durable-file';
import { CorruptDataError, UniqueViolation } from '../../../../src-server/storage/errors';
import {
  LowdbCollection,
  type CollectionOptions,
} from '../../../../src-server/storage/lowdb/collection';
import { captureLogger, makeTempDir, silentLogger, type TempDir } from '../helpers';

// Pass-through spy: every whole-file write (temp + fsync + rename) of a collection goes through here.
vi.mock('../../../../src-server/storage/durable-file', async (importOriginal) => {
  const actual =
    await importOriginal<typeof import('../../../../src-server/storage/durable-file')>();
  return { ...actual, writeFileDurably: vi.fn(actual.writeFileDurably) };
});

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

const writesOf = (file: string) =>
  vi.mocked(durableFile.writeFileDurably).mock.calls.filter(([target]) => basename(target) === file)
    .length;

describe('LowdbCollection', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir();
    vi.mocked(durableFile.writeFileDurably).mockClear();
  });
  afterEach(async () => {
    await dir.remove();
  });

  const openMembers = (logger = silentLogger) =>
    LowdbCollection.open<Member>(dir.path, members, logger);
  const readFileRecords = async () =>
    (
      JSON.parse(await readFile(join(dir.path, 'members.json'), 'utf8')) as {
        records: Record<string, Member>;
      }
    ).records;

  describe('durability', () => {
    it('resolves an insert only once the record is in the file on disk', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });

      // Read straight away, before any flush() or close: the promise alone must mean "stored".
      expect(await readFileRecords()).toEqual({
        m1: { id: 'm1', email: 'a@x.example', room: 'r1' },
      });
      const reopened = await openMembers();
      expect(reopened.get('m1')).toEqual({ id: 'm1', email: 'a@x.example', room: 'r1' });
    });

    it('resolves updates and deletes only once they are on disk', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });
      await collection.insert({ id: 'm2', email: 'b@x.example', room: 'r1' });

      await collection.update('m1', (member) => ({ ...member, room: 'r2' }));
      expect((await readFileRecords()).m1?.room).toBe('r2');

      await collection.delete('m2');
      expect(Object.keys(await readFileRecords())).toEqual(['m1']);
    });

    it('removes temp files left by an interrupted write on open, logs them, and keeps the acknowledged data', async () => {
      const collection = await openMembers();
      await collection.insert({ id: 'm1', email: 'a@x.example', room: 'r1' });
      await writeFile(join(dir.path, 'members.json.4242-7.tmp'), '{"version":1,"records":{"m2":');

      const captured = captureLogger();
      const reopened = await openMembers(captured.logger);

      expect(await readdir(dir.path)).toEqual(['members.json']);
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

    it('refuses to open valid JSON of an unknown shape', async () => {
      await writeFile(join(dir.path, 'members.json'), '[{"id":"m1"}]');
      await expect(openMembers()).rejects.toBeInstanceOf(CorruptDataError);
    });

    it('starts empty when the file does not exist yet', async () => {
      const collection = await openMembers();
      expect(collection.size).toBe(0);
      expect([...collection.values()]).toEqual([]);
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
      expect(Object.keys(await readFileRecords())).toHaveLength(1);
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
      expect(writesOf('members.json')).toBe(0);
    });
  });

  describe('write cost', () => {
    it('writes the file far fewer than 200 times for 200 concurrent inserts, and stores all of them', async () => {
      const collection = await openMembers();

      await Promise.all(
        Array.from({ length: 200 }, (_, i) =>
          collection.insert({ id: `m${i}`, email: `${i}@x.example`, room: 'r1' }),
        ),
      );

      const writes = writesOf('members.json');
      expect(writes).toBeGreaterThanOrEqual(1);
      expect(writes).toBeLessThanOrEqual(5);
      expect(Object.keys(await readFileRecords())).toHaveLength(200);
    });

    it('writes once per insert when inserts are awaited one by one (the spy counts real writes)', async () => {
      const collection = await openMembers();
      for (let i = 0; i < 5; i++)
        await collection.insert({ id: `m${i}`, email: `${i}@x.example`, room: 'r1' });
      expect(writesOf('members.json')).toBe(5);
    });

    it('never touches the file of another collection when one collection is written', async () => {
      const rooms = await LowdbCollection.open<Member>(dir.path, { name: 'rooms' }, silentLogger);
      await Promise.all(
        Array.from({ length: 500 }, (_, i) =>
          rooms.insert({ id: `r${i}`, email: '', room: `room ${i}` }),
        ),
      );
      const roomsFile = join(dir.path, 'rooms.json');
      const before = await stat(roomsFile);
      const roomsContent = await readFile(roomsFile);
      const roomsWritesBefore = writesOf('rooms.json');

      const collection = await openMembers();
      for (let i = 0; i < 20; i++)
        await collection.insert({ id: `m${i}`, email: `${i}@x.example`, room: 'r1' });

      const after = await stat(roomsFile);
      // A rewrite by rename would change the inode even within the mtime resolution.
      expect({ ino: after.ino, size: after.size, mtimeMs: after.mtimeMs }).toEqual({
        ino: before.ino,
        size: before.size,
        mtimeMs: before.mtimeMs,
      });
      expect(await readFile(roomsFile)).toEqual(roomsContent);
      expect(writesOf('rooms.json')).toBe(roomsWritesBefore);
      expect(writesOf('members.json')).toBe(20);
    });
  });
});
