import { describe, expect, it } from 'vitest';
import type { Outgoing } from '../../../../src-renderer/features/chat/chat-store';
import { dayLabel } from '../../../../src-renderer/features/chat/format';
import { buildRows, dayKey, daysBetween } from '../../../../src-renderer/features/chat/rows';
import { ana, ben, msg } from './fixtures';

const at = (iso: string) => ({ createdAt: iso });

describe('day separators', () => {
  it('start a new day at midnight in the viewer’s time zone', () => {
    const messages = [
      msg(1, at('2026-11-24T22:30:00.000Z')),
      msg(2, at('2026-11-24T23:30:00.000Z')),
      msg(3, at('2026-11-25T00:30:00.000Z')),
    ];
    const days = (timeZone: string) =>
      buildRows(messages, [], { hasOlder: false, myId: ana.id, timeZone }).map((r) => r.day);
    // Lisbon (UTC+0 in November): the third message is on the next day.
    expect(days('Europe/Lisbon')).toEqual(['2026-11-24', undefined, '2026-11-25']);
    // Berlin (UTC+1): the second one already is.
    expect(days('Europe/Berlin')).toEqual(['2026-11-24', '2026-11-25', undefined]);
    // New York (UTC-5): all on the 24th.
    expect(days('America/New_York')).toEqual(['2026-11-24', undefined, undefined]);
  });

  it('leave the first loaded message without a day while older pages remain', () => {
    const rows = buildRows([msg(5), msg(6)], [], { hasOlder: true, myId: ana.id, timeZone: 'UTC' });
    expect(rows[0]!.day).toBeUndefined();
  });

  it('label today and yesterday in words', () => {
    const t = ((key: string) => key) as never;
    const now = new Date('2026-11-24T12:00:00.000Z');
    expect(dayLabel(dayKey(now.toISOString()), t, 'en', now)).toBe('chat.today');
    expect(dayLabel('2026-11-23', t, 'en', new Date('2026-11-24T12:00:00'))).toBe('chat.yesterday');
    expect(dayLabel('2026-11-02', t, 'en', now)).toBe('Monday, November 2');
    expect(dayLabel('2025-11-02', t, 'en', now)).toBe('Sunday, November 2, 2025');
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
  });
});

describe('message rows', () => {
  it('show the author once for a run of messages a few minutes apart', () => {
    const rows = buildRows(
      [
        msg(1, at('2026-11-24T10:00:00.000Z')),
        msg(2, at('2026-11-24T10:02:00.000Z')),
        msg(3, { ...at('2026-11-24T10:03:00.000Z'), author: ben }),
        msg(4, { ...at('2026-11-24T10:20:00.000Z'), author: ben }),
      ],
      [],
      { hasOlder: false, myId: ana.id, timeZone: 'UTC' },
    );
    expect(rows.map((r) => r.continued)).toEqual([false, true, false, false]);
  });

  it('put what is on its way last, with the key it keeps once stored', () => {
    const outgoing: Outgoing = {
      clientId: 'c-123',
      room: 'course:c1',
      text: 'hi',
      files: [],
      status: 'sending',
      createdAt: '2026-11-24T10:05:00.000Z',
    };
    const pending = buildRows([msg(1)], [outgoing], { hasOlder: false, myId: ana.id });
    expect(pending.map((r) => r.kind)).toEqual(['message', 'pending']);
    const stored = msg(2, { clientId: 'c-123', author: ana });
    const after = buildRows([msg(1), stored], [outgoing], { hasOlder: false, myId: ana.id });
    // Stored and still in the outbox (the ack and the live copy race): shown once.
    expect(after.map((r) => r.kind)).toEqual(['message', 'message']);
    expect(after[1]!.key).toBe(pending[1]!.key);
  });
});
