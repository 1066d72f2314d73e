import { describe, expect, it } from 'vitest';
import {
  dayKey,
  shift,
  startOfWeek,
  visibleDays,
} from '../../../../src-renderer/features/calendar/calendar-dates';

const local = (y: number, m: number, d: number) => new Date(y, m - 1, d, 15, 30);
const keys = (days: Date[]) => days.map(dayKey);

describe('calendar dates in the viewer’s time zone', () => {
  it('starts weeks on Monday, at local midnight', () => {
    const monday = startOfWeek(local(2026, 12, 6)); // a Sunday
    expect(dayKey(monday)).toBe('2026-11-30');
    expect([monday.getHours(), monday.getMinutes()]).toEqual([0, 0]);
  });

  it('shows a month as the whole weeks that hold it', () => {
    const days = visibleDays(local(2026, 12, 15), 'month');
    expect(days).toHaveLength(35);
    expect(dayKey(days[0]!)).toBe('2026-11-30');
    expect(dayKey(days.at(-1)!)).toBe('2027-1-3');
    // February 2027 starts on a Monday and ends on a Sunday: exactly four rows.
    expect(visibleDays(local(2027, 2, 10), 'month')).toHaveLength(28);
    // August 2026 starts on a Saturday: six rows.
    expect(visibleDays(local(2026, 8, 1), 'month')).toHaveLength(42);
  });

  it('shows a week as seven days, and steps by a week or a month', () => {
    expect(keys(visibleDays(local(2026, 12, 4), 'week'))).toEqual([
      '2026-11-30',
      '2026-12-1',
      '2026-12-2',
      '2026-12-3',
      '2026-12-4',
      '2026-12-5',
      '2026-12-6',
    ]);
    expect(dayKey(shift(local(2026, 12, 4), 'week', 1))).toBe('2026-12-11');
    expect(dayKey(shift(local(2027, 1, 31), 'month', 1))).toBe('2027-2-1');
    expect(dayKey(shift(local(2027, 1, 31), 'month', -1))).toBe('2026-12-1');
  });

  it('keeps whole days across a daylight-saving change', () => {
    const days = visibleDays(local(2026, 3, 29), 'week');
    expect(new Set(days.map((d) => d.getHours()))).toEqual(new Set([0]));
    expect(days).toHaveLength(7);
  });
});
