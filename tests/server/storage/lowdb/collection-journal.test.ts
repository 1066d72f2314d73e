import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CorruptDataError } from '../../../../src-server/storage/errors';
import {
  LowdbCollection,
  type CollectionOptions,
} from '../../../../src-server/storage/lowdb/collection';
import { captureLogger, makeTempDir, silentLogger, type TempDir } from '../helpers';
import { journalFiles, recordsOnDisk } from './disk';

interface Counter {
  readonly id: string;
  readonly owner: string;
  readonly value: number;
}

/** Tiny bounds: a few commits make the journal outgrow its snapshot. */
const counters: CollectionOptions<Counter> = {
  name: 'counters',
  unique: { owner: (c) => c.owner },
  schema: z.object({ id: z.string(), owner: z.string(), value: z.number() }),
  compaction: { minJournalBytes: 600, journalToSnapshot: 1 },
};

const counter = (i: number, value = 0): Counter => ({ id: `c${i}`, owner: `o${i}`, value });

describe('LowdbCollection journal and compaction', () => {
  let dir: TempDir;
  beforeEach(async () => {
    dir = await makeTempDir();
  });
  afterEach(() => dir.remove());

  const open = (logger = silentLogger) => LowdbCollection.open<Counter>(dir.path, counters, logger);
  const file = (name: string) => join(dir.path, name);

  it('folds the journal into a versioned lowdb snapshot once it outgrows its bound, losing nothing', async () => {
    const collection = await open();
    for (let i = 0; i < 10; i++) await collection.insert(counter(i));
    for (let round = 1; round <= 20; round++)
      await collection.update(`c${round % 10}`, (c) => ({ ...c, value: round }));
    await collection.flush();

    const snapshot = JSON.parse(await readFile(file('counters.json'), 'utf8')) as {
      format: string;
      version: number;
      generation: number;
      records: Counter[];
    };
    expect(snapshot).toMatchObject({ format: 'classhub-collection', version: 2 });
    expect(snapshot.generation).toBeGreaterThan(0);
    // Only the newest journal is left; older ones were folded in and deleted.
    expect((await journalFiles(dir.path, 'counters')).map((j) => j.generation)).toEqual([
      snapshot.generation,
    ]);
    const expected = new Map(
      Array.from({ length: 10 }, (_, i) => [`c${i}`, counter(i, i === 0 ? 20 : 10 + i)]),
    );
    expect(await recordsOnDisk(dir.path, 'counters')).toEqual(expected);
    await collection.close();
    const reopened = await open();
    expect(new Map([...reopened.values()].map((c) => [c.id, c]))).toEqual(expected);
  });

  it('folds a journal longer than its snapshot into the snapshot at a clean shutdown, so the next start reads one file', async () => {
    const collection = await LowdbCollection.open<Counter>(
      dir.path,
      { ...counters, compaction: undefined }, // the hub's own bounds: 1 MiB before any compaction
      silentLogger,
    );
    for (let i = 0; i < 2_000; i++) await collection.insert(counter(i, i));
    expect(await readdir(dir.path)).toEqual(['counters.journal-0.jsonl']);

    await collection.close();

    const snapshot = JSON.parse(await readFile(file('counters.json'), 'utf8')) as {
      generation: number;
      records: Counter[];
    };
    expect(snapshot.generation).toBe(1);
    expect(snapshot.records).toHaveLength(2_000);
    expect(await readFile(file('counters.journal-1.jsonl'), 'utf8')).toMatch(/^\{[^\n]*\}\n$/);
    expect((await open()).size).toBe(2_000);
  });

  it('keeps insertion order across journal and snapshot (the admin lists page by it)', async () => {
    const collection = await open();
    for (let i = 0; i < 30; i++) await collection.insert(counter(i));
    await collection.update('c3', (c) => ({ ...c, value: 9 }));
    await collection.close();

    const reopened = await open();
    expect([...reopened.values()].map((c) => c.id)).toEqual(
      Array.from({ length: 30 }, (_, i) => `c${i}`),
    );
  });

  describe('a crash at any moment', () => {
    it('cuts a torn journal tail with a log line and keeps every complete line', async () => {
      const collection = await open();
      await collection.insert(counter(1));
      await collection.insert(counter(2));
      await collection.close();
      const journal = file('counters.journal-0.jsonl');
      await appendFile(journal, '{"put":[{"id":"c3","owner":"o3","val');

      const captured = captureLogger();
      const reopened = await open(captured.logger);

      expect([...reopened.values()].map((c) => c.id)).toEqual(['c1', 'c2']);
      expect(captured.warnings()).toEqual([
        expect.objectContaining({ collection: 'counters', msg: expect.stringContaining('torn') }),
      ]);
      // Cut for good: the next append starts on a clean line.
      await reopened.insert(counter(4));
      await reopened.close();
      expect([...(await open()).values()].map((c) => c.id)).toEqual(['c1', 'c2', 'c4']);
    });

    it('replays both journals when cut after rotating and before the snapshot was renamed', async () => {
      const collection = await open();
      await collection.insert(counter(1));
      await collection.close();
      // Journal 1 opened, snapshot 1 never written: every change lives in journals 0 and 1.
      await writeFile(
        file('counters.journal-1.jsonl'),
        '{"format":"classhub-collection-journal","version":2,"collection":"counters","generation":1}\n' +
          '{"put":[{"id":"c2","owner":"o2","value":0}]}\n' +
          '{"put":[{"id":"c1","owner":"o1","value":5}]}\n',
      );
      await writeFile(file('counters.json.99-1.tmp'), '{"format":"classhub-coll');

      const reopened = await open();
      expect([...reopened.values()]).toEqual([counter(1, 5), counter(2)]);
      expect((await readdir(dir.path)).sort()).toEqual([
        'counters.journal-0.jsonl',
        'counters.journal-1.jsonl',
      ]);
    });

    it('ignores and deletes a journal already folded into the snapshot (cut before the delete)', async () => {
      const collection = await open();
      for (let i = 0; i < 10; i++) await collection.insert(counter(i));
      for (let round = 1; round <= 20; round++)
        await collection.update(`c${round % 10}`, (c) => ({ ...c, value: round }));
      await collection.delete('c5');
      await collection.close();
      const [live] = await journalFiles(dir.path, 'counters');
      expect(live!.generation).toBeGreaterThan(0);
      // A journal from before the snapshot, still holding c5: it must not come back.
      await writeFile(
        file(`counters.journal-${live!.generation - 1}.jsonl`),
        `{"format":"classhub-collection-journal","version":2,"collection":"counters","generation":${live!.generation - 1}}\n` +
          '{"put":[{"id":"c5","owner":"o5","value":0}]}\n',
      );

      const reopened = await open();
      expect(reopened.get('c5')).toBeUndefined();
      expect(reopened.size).toBe(9);
      expect((await journalFiles(dir.path, 'counters')).map((j) => j.generation)).toEqual([
        live!.generation,
      ]);
    });

    it('drops a journal whose header was never completed (cut while rotating)', async () => {
      const collection = await open();
      await collection.insert(counter(1));
      await collection.close();
      await writeFile(file('counters.journal-1.jsonl'), '{"format":"classhub-coll');

      const reopened = await open();
      expect(reopened.size).toBe(1);
      await reopened.insert(counter(2));
      await reopened.close();
      expect([...(await open()).values()].map((c) => c.id)).toEqual(['c1', 'c2']);
    });

    it('refuses a folder whose journal sequence has a gap, naming the file', async () => {
      const collection = await open();
      await collection.insert(counter(1));
      await collection.close();
      await rm(file('counters.journal-0.jsonl'));
      await writeFile(
        file('counters.journal-1.jsonl'),
        '{"format":"classhub-collection-journal","version":2,"collection":"counters","generation":1}\n',
      );
      await expect(open()).rejects.toThrow(/journal 0 of this collection is missing/);
    });
  });

  describe('records are checked when loaded', () => {
    it('refuses a damaged line in the middle of a journal, naming the file and the line', async () => {
      const collection = await open();
      await collection.insert(counter(1));
      await collection.close();
      const journal = file('counters.journal-0.jsonl');
      await appendFile(journal, 'garbage\n{"put":[{"id":"c2","owner":"o2","value":0}]}\n');

      const opening = open();
      await expect(opening).rejects.toBeInstanceOf(CorruptDataError);
      await expect(opening).rejects.toMatchObject({
        file: journal,
        message: expect.stringContaining('line 3'),
      });
    });

    it('refuses a record that does not fit its schema, naming the file and the record', async () => {
      await writeFile(
        file('counters.json'),
        JSON.stringify({
          format: 'classhub-collection',
          version: 2,
          collection: 'counters',
          generation: 0,
          records: [counter(1), { id: 'c2', owner: 'o2', value: 'many' }],
        }),
      );
      const opening = open();
      await expect(opening).rejects.toMatchObject({
        name: 'CorruptDataError',
        file: file('counters.json'),
        message: expect.stringMatching(/record 2, record "c2", does not fit its schema.*value/),
      });
    });

    it('checks records that arrive through the journal too', async () => {
      const collection = await open();
      await collection.insert(counter(1));
      await collection.close();
      await appendFile(
        file('counters.journal-0.jsonl'),
        '{"put":[{"id":"c9","owner":7,"value":1}]}\n{"del":["c1"]}\n',
      );
      await expect(open()).rejects.toThrow(/line 3, record "c9", does not fit its schema/);
    });
  });
});
