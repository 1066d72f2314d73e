import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import { openStorage } from '../../../../src-server/storage/open-storage';
import { captureLogger, makeTempDir, silentLogger, type TempDir } from '../helpers';

/** A data folder written by the hub before collections had journals (format 1), by `npm run seed`. */
const FIXTURE = join(import.meta.dirname, '../../../fixtures/data-folder-v1');

interface V1File {
  version: 1;
  records: Record<string, { id: string }>;
}

describe('opening a data folder written in format 1', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir();
    await cp(FIXTURE, dir.path, { recursive: true });
  });
  afterEach(() => dir.remove());

  const db = (name = '') => join(dir.path, 'db', name);

  it('migrates every collection file to the current format and keeps every record, in order', async () => {
    const names = (await readdir(db())).filter((name) => name.endsWith('.json'));
    const before = new Map<string, { id: string }[]>();
    for (const name of names)
      before.set(
        name,
        Object.values((JSON.parse(await readFile(db(name), 'utf8')) as V1File).records),
      );

    const captured = captureLogger();
    const storage = await openStorage(dir.path, captured.logger);
    await storage.close();

    for (const name of names) {
      const migrated = JSON.parse(await readFile(db(name), 'utf8')) as {
        format: string;
        version: number;
        records: unknown[];
      };
      expect({ name, format: migrated.format, version: migrated.version }).toEqual({
        name,
        format: 'classhub-collection',
        version: 2,
      });
      expect({ name, records: migrated.records }).toEqual({ name, records: before.get(name) });
    }
    expect(captured.lines.filter((line) => line.msg.includes('migrated'))).toHaveLength(
      names.length,
    );
  });

  it('sees every record through the repositories after the migration', async () => {
    const users = Object.values(
      (JSON.parse(await readFile(db('users.json'), 'utf8')) as V1File).records,
    ) as { id: UserId; username: string; email: string }[];
    const courses = Object.values(
      (JSON.parse(await readFile(db('courses.json'), 'utf8')) as V1File).records,
    ) as { id: CourseId; code: string }[];

    const storage = await openStorage(dir.path, silentLogger);
    try {
      for (const user of users) {
        expect((await storage.users.findByUsername(user.username))?.id).toBe(user.id);
        expect((await storage.users.findByEmail(user.email))?.id).toBe(user.id);
      }
      expect(await storage.users.count()).toBe(users.length);
      for (const course of courses)
        expect((await storage.courses.get(course.id))?.code).toBe(course.code);
      expect((await storage.settings.get()).notificationRetentionDays).toBe(30);
      expect(await storage.doneMarks.has('reminder:fixture-deadline:24h')).toBe(true);
      expect(await storage.accountTokens.findByHash('b'.repeat(64))).toMatchObject({ id: 'tok-1' });
    } finally {
      await storage.close();
    }
  });

  it('migrates once: a second start reads the new format without migrating again', async () => {
    await (await openStorage(dir.path, silentLogger)).close();
    const captured = captureLogger();
    const storage = await openStorage(dir.path, captured.logger);
    await storage.close();
    expect(captured.lines.filter((line) => line.msg.includes('migrated'))).toEqual([]);
    expect(await storage.users.count()).toBe(6);
  });

  it('reads a format-1 file whose records are a list, and keeps what is written afterwards', async () => {
    await writeFile(db('status-updates.json'), '{"version":1,"records":[]}');
    const storage = await openStorage(dir.path, silentLogger);
    const [user] = Object.values(
      (JSON.parse(await readFile(db('users.json'), 'utf8')) as V1File).records,
    ) as { id: UserId }[];
    await storage.statusUpdates.insert({
      id: 'su-1' as never,
      authorId: user!.id,
      text: 'after the upgrade',
      createdAt: new Date().toISOString(),
    });
    await storage.close();

    const reopened = await openStorage(dir.path, silentLogger);
    expect(await reopened.statusUpdates.get('su-1' as never)).toMatchObject({
      text: 'after the upgrade',
    });
    await reopened.close();
  });

  it('refuses to start from a folder with a record that does not fit, naming the file and the record', async () => {
    const file = db('courses.json');
    const courses = JSON.parse(await readFile(file, 'utf8')) as V1File;
    const [first] = Object.values(courses.records);
    (first as unknown as { capacity: unknown }).capacity = 'thirty';
    await writeFile(file, JSON.stringify(courses));

    await expect(openStorage(dir.path, silentLogger)).rejects.toMatchObject({
      name: 'CorruptDataError',
      file,
      message: expect.stringContaining(`record "${first!.id}"`),
    });
  });
});
