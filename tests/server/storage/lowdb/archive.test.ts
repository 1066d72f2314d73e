import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, StatusUpdateRecord } from '../../../../src-server/storage/records';
import type { StorageSnapshot } from '../../../../src-server/storage/archive-port';
import { openStorage } from '../../../../src-server/storage/open-storage';
import type { Storage } from '../../../../src-server/storage/repositories';
import type { StatusUpdateId, UserId } from '../../../../src-shared/ids';
import { captureLogger, makeTempDir, type TempDir } from '../helpers';

let dir: TempDir;
let storage: Storage | undefined;
afterEach(async () => {
  await storage?.close();
  storage = undefined;
  await dir.remove();
});

const author = randomUUID() as UserId;
const update = (text: string): StatusUpdateRecord => ({
  id: randomUUID() as StatusUpdateId,
  authorId: author,
  text,
  createdAt: new Date().toISOString(),
});

async function all<T>(values: AsyncIterable<T>): Promise<T[]> {
  const list: T[] = [];
  for await (const value of values) list.push(value);
  return list;
}

const texts = async (snapshot: StorageSnapshot) =>
  (await all(snapshot.records('status-updates'))).map(
    (record) => (record as StatusUpdateRecord).text,
  );

describe('a snapshot of a running lowdb storage', () => {
  it('holds what was written before it and nothing written after, in records and logs alike', async () => {
    dir = await makeTempDir();
    storage = await openStorage(dir.path, captureLogger().logger);
    await storage.statusUpdates.insert(update('before'));
    await storage.audit.append('accounts', { action: 'before' });
    await storage.audit.append('accounts', { action: 'before, too' });

    const snapshot = await storage.archive.snapshot();
    const later = update('after');
    await storage.statusUpdates.insert(later);
    await storage.statusUpdates.delete(
      (await storage.statusUpdates.pageByAuthor(author, { offset: 1, limit: 1 })).items[0]!.id,
    );
    await storage.audit.append('accounts', { action: 'after' });
    await storage.audit.append('sign-ins', { action: 'after' });

    expect(await texts(snapshot)).toEqual(['before']);
    const entries = await all(snapshot.entries('audit'));
    expect(
      entries.map((entry) => [entry.stream, entry.seq, (entry.entry as AuditEntry).action]),
    ).toEqual([
      ['accounts', 1, 'before'],
      ['accounts', 2, 'before, too'],
    ]);
    expect(await all(snapshot.heads('audit'))).toEqual([{ stream: 'accounts', lastSeq: 2 }]);
    await snapshot.release();

    const next = await storage.archive.snapshot();
    expect(await texts(next)).toEqual(['after']);
    expect((await all(next.entries('audit'))).length).toBe(4);
    await next.release();
  });

  it('says whether the storage is empty, as a restore target must be', async () => {
    dir = await makeTempDir();
    storage = await openStorage(dir.path, captureLogger().logger);
    expect(await storage.archive.isEmpty()).toBe(true);
    await storage.audit.append('accounts', { action: 'first' });
    expect(await storage.archive.isEmpty()).toBe(false);
  });
});
