import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserId } from '../../../../src-shared/ids';
import type { ReadMarkerRecord } from '../../../../src-server/storage/records';
import type { OpenedRepositories } from './opened';
import { AT } from './records';

const marker = (userId: string, stream: string, seq: number): ReadMarkerRecord => ({
  id: `${userId}|${stream}`,
  userId: userId as UserId,
  stream,
  seq,
  readSeqs: [],
});

/** What chat relies on for edited messages and read positions, whatever stores them. */
export function describeChatStateContract(engine: string, open: () => Promise<OpenedRepositories>) {
  let store: OpenedRepositories;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(() => store.close());

  describe(`message edits and read markers (${engine})`, () => {
    it('keeps the latest edit of a message', async () => {
      const edit = (text: string, deleted = false) => ({
        id: 'course:c1#3',
        text,
        deleted,
        editedAt: AT,
      });
      await store.messageEdits.put(edit('fixed typo'));
      await store.messageEdits.put(edit('', true));
      store = await store.reopen();
      expect(await store.messageEdits.get('course:c1', 3)).toEqual(edit('', true));
      expect(await store.messageEdits.get('course:c1', 4)).toBeUndefined();
    });

    it('keeps one read marker per person and stream, even when two devices write it at once', async () => {
      const { readMarkers } = store;
      await Promise.all([
        readMarkers.put(marker('emma', 'course:c1', 4)),
        readMarkers.put(marker('emma', 'course:c1', 4)),
      ]);
      await readMarkers.put(marker('emma', 'dm:emma:noah', 2));
      await readMarkers.put(marker('noah', 'course:c1', 1));
      await readMarkers.put({ ...marker('emma', 'course:c1', 6), readSeqs: [8] });
      expect(await readMarkers.get('emma' as UserId, 'course:c1')).toMatchObject({
        seq: 6,
        readSeqs: [8],
      });
      expect(
        (await readMarkers.listForUser('emma' as UserId)).map((m) => [m.stream, m.seq]),
      ).toEqual([
        ['course:c1', 6],
        ['dm:emma:noah', 2],
      ]);
    });
  });
}
