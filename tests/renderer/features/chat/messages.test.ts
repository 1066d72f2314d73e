import { describe, expect, it } from 'vitest';
import {
  contiguousUntil,
  mergeMessages,
  newestSeq,
} from '../../../../src-renderer/features/chat/messages';
import { msg } from './fixtures';

const seqs = (list: { seq: number }[]) => list.map((m) => m.seq);

describe('merging history pages, live messages and catch-up by seq', () => {
  it('keeps one copy of each message, oldest first, whatever order they arrive in', () => {
    const loaded = [msg(4), msg(5), msg(6)];
    const olderPage = [msg(3), msg(2), msg(1)]; // history pages come newest first
    const live = [msg(6), msg(7)];
    expect(seqs(mergeMessages(mergeMessages(loaded, olderPage), live))).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it('lets an edit replace the message, and never lets an older copy undo it', () => {
    const edited = msg(2, { text: 'fixed', editedAt: '2026-11-24T11:00:00.000Z' });
    const merged = mergeMessages([msg(1), msg(2)], [edited]);
    expect(merged[1]!.text).toBe('fixed');
    // A page fetched before the edit arrives later: the edit stays.
    expect(mergeMessages(merged, [msg(2)])[1]!.text).toBe('fixed');
  });

  it('keeps a deletion over any later copy of the message', () => {
    const deleted = msg(2, { text: '', deleted: true, editedAt: '2026-11-24T11:00:00.000Z' });
    const merged = mergeMessages([msg(2)], [deleted]);
    expect(merged[0]!.deleted).toBe(true);
    expect(
      mergeMessages(merged, [msg(2, { editedAt: '2026-11-24T12:00:00.000Z' })])[0]!.deleted,
    ).toBe(true);
  });

  it('returns the same list when nothing comes in (no re-render)', () => {
    const list = [msg(1)];
    expect(mergeMessages(list, [])).toBe(list);
  });

  it('knows where the loaded run stops being contiguous, so catch-up fills the hole', () => {
    expect(contiguousUntil([])).toBe(0);
    expect(contiguousUntil([msg(3), msg(4), msg(5)])).toBe(5);
    expect(contiguousUntil([msg(3), msg(4), msg(7), msg(8)])).toBe(4);
    expect(newestSeq([msg(3), msg(9)])).toBe(9);
  });
});
