import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LowdbCollection } from '../../../../src-server/storage/lowdb/collection';
import { makeTempDir, silentLogger, type TempDir } from '../helpers';

interface Note {
  readonly id: string;
  readonly text: string;
}

describe('LowdbCollection.newestFirst (the admin panel’s listing)', () => {
  let dir: TempDir;
  let notes: LowdbCollection<Note>;
  beforeEach(async () => {
    dir = await makeTempDir();
    notes = await LowdbCollection.open<Note>(dir.path, { name: 'notes' }, silentLogger);
    for (const [id, text] of [
      ['n-a', 'apple'],
      ['n-b', 'banana'],
      ['n-c', 'avocado'],
      ['n-d', 'cherry'],
    ])
      await notes.insert({ id: id!, text: text! });
  });
  afterEach(() => dir.remove());

  it('returns one window, newest first, with the total of the whole collection', () => {
    expect(notes.newestFirst({ offset: 0, limit: 2 })).toEqual({
      items: [
        { id: 'n-d', text: 'cherry' },
        { id: 'n-c', text: 'avocado' },
      ],
      total: 4,
    });
    expect(notes.newestFirst({ offset: 3, limit: 2 }).items.map((n) => n.id)).toEqual(['n-a']);
    expect(notes.newestFirst({ offset: 9, limit: 2 })).toEqual({ items: [], total: 4 });
  });

  it('filters before cutting the window, so the total counts every match', () => {
    const startsWithA = (n: Note) => n.text.startsWith('a');
    expect(notes.newestFirst({ offset: 0, limit: 1 }, startsWithA)).toEqual({
      items: [{ id: 'n-c', text: 'avocado' }],
      total: 2,
    });
    expect(notes.newestFirst({ offset: 1, limit: 1 }, startsWithA).items).toEqual([
      { id: 'n-a', text: 'apple' },
    ]);
  });

  it('forgets deleted records', async () => {
    await notes.delete('n-d');
    expect(notes.newestFirst({ offset: 0, limit: 1 })).toEqual({
      items: [{ id: 'n-c', text: 'avocado' }],
      total: 3,
    });
  });
});
