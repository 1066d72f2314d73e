import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryRepository } from '../../../../src-server/storage/repositories';

export interface Message {
  readonly text: string;
}

export interface OpenedHistory {
  /** Old entries must be spread over more than one unit of pruning (a segment, a row). */
  readonly history: HistoryRepository<Message>;
  /** Closes and opens the same store again, to check what survived. */
  reopen(): Promise<OpenedHistory>;
  close(): Promise<void>;
}

const seqs = (entries: readonly { seq: number }[]) => entries.map((entry) => entry.seq);
const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

/** What chat, notifications and the audit trail rely on, whatever stores the history. */
export function describeHistoryContract(engine: string, open: () => Promise<OpenedHistory>) {
  describe(`history repository (${engine})`, () => {
    let store: OpenedHistory;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(() => store.close());

    it('numbers each stream on its own and pages it by cursor both ways', async () => {
      const { history } = store;
      for (let i = 1; i <= 5; i++) await history.append('room:a', { text: `a${i}` });
      const first = await history.append('room:b', { text: 'b1' });
      expect(first).toEqual({ seq: 1, at: expect.any(String), entry: { text: 'b1' } });
      expect(new Date(first.at).toISOString()).toBe(first.at);

      expect(seqs(await history.page('room:a', 2))).toEqual([5, 4]);
      expect(seqs(await history.page('room:a', 2, 4))).toEqual([3, 2]);
      expect(seqs(await history.page('room:a', 10, 2))).toEqual([1]);
      expect(await history.since('room:a', 3, 10)).toEqual([
        { seq: 4, at: expect.any(String), entry: { text: 'a4' } },
        { seq: 5, at: expect.any(String), entry: { text: 'a5' } },
      ]);
      expect(seqs(await history.since('room:a', 0, 2))).toEqual([1, 2]);
      expect(await history.get('room:a', 3)).toMatchObject({ seq: 3, entry: { text: 'a3' } });
      expect(await history.get('room:a', 6)).toBeUndefined();
      expect(await history.get('room:c', 1)).toBeUndefined();
    });

    it('gives back exactly what was appended, whatever characters it holds', async () => {
      const text = 'tab\there, NUL \u0000, emoji 🧪, quote " and backslash \\';
      await store.history.append('room:a', { text });
      store = await store.reopen();
      expect((await store.history.get('room:a', 1))?.entry).toEqual({ text });
    });

    it('knows each stream’s last seq and how many entries follow a read position', async () => {
      const { history } = store;
      expect(await history.lastSeq('room:a')).toBe(0);
      expect(await history.countAfter('room:a', 0)).toBe(0);
      for (let i = 1; i <= 4; i++) await history.append('room:a', { text: `a${i}` });
      await history.append('room:b', { text: 'b1' });
      expect(await history.lastSeq('room:a')).toBe(4);
      expect(await history.lastSeq('room:b')).toBe(1);
      expect(await history.countAfter('room:a', 1)).toBe(3);
      expect(await history.countAfter('room:a', 4)).toBe(0);
    });

    it('gives 30 appends racing on one stream 30 different seqs, with none lost', async () => {
      const sent = Array.from({ length: 30 }, (_, i) => `m${i}`);
      const appended = await Promise.all(
        sent.map((text) => store.history.append('room:busy', { text })),
      );
      expect(seqs(appended).sort((a, b) => a - b)).toEqual(
        Array.from({ length: 30 }, (_, i) => i + 1),
      );
      // Each caller was told the seq its own message got.
      for (const entry of appended)
        expect(await store.history.get('room:busy', entry.seq)).toMatchObject({
          entry: entry.entry,
        });
      expect(await store.history.lastSeq('room:busy')).toBe(30);
    });

    it('keeps every acknowledged entry and goes on numbering after a reopen', async () => {
      await store.history.append('room:a', { text: 'one' });
      await store.history.append('room:a', { text: 'two' });
      store = await store.reopen();
      expect((await store.history.page('room:a', 10)).map((e) => e.entry.text)).toEqual([
        'two',
        'one',
      ]);
      expect((await store.history.append('room:a', { text: 'three' })).seq).toBe(3);
    });

    it('prunes old entries from the front of each stream and keeps numbering where it was', async () => {
      const { history } = store;
      for (let i = 1; i <= 12; i++) await history.append('inbox:a', { text: `n${i}` });
      expect(await history.pruneBefore('2000-01-01T00:00:00.000Z')).toBe(0);
      expect(await history.countAfter('inbox:a', 0)).toBe(12);

      expect(await history.pruneBefore(inAMinute())).toBeGreaterThan(0);
      const kept = await history.countAfter('inbox:a', 0);
      expect(kept).toBeLessThan(12);
      // What is left is the newest entries, with no hole in the middle.
      expect(seqs(await history.page('inbox:a', 100))).toEqual(
        Array.from({ length: kept }, (_, i) => 12 - i),
      );
      expect(await history.get('inbox:a', 1)).toBeUndefined();
      expect(await history.lastSeq('inbox:a')).toBe(12);
      expect((await history.append('inbox:a', { text: 'n13' })).seq).toBe(13);
      store = await store.reopen();
      expect(await store.history.lastSeq('inbox:a')).toBe(13);
    });
  });
}
