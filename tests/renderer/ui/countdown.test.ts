import { describe, expect, it } from 'vitest';
import { translate } from '../../../src-renderer/app/i18n';
import { countdown, formatCountdown, formatSize } from '../../../src-renderer/ui/countdown';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const say = (offset: number) =>
  formatCountdown(new Date(NOW + offset), NOW, (key, values) => translate(key, values, 'en'));

describe('the deadline countdown', () => {
  it('says days and hours while more than a day is left', () => {
    expect(say(4 * DAY + 23 * HOUR + 5 * MIN)).toBe('4 days, 23 hours left');
    expect(say(1 * DAY + 1 * HOUR)).toBe('1 day, 1 hour left');
  });

  it('says hours and minutes on the last day, and marks it urgent', () => {
    expect(say(3 * HOUR + 5 * MIN)).toBe('3 hours, 5 minutes left');
    expect(countdown(new Date(NOW + 3 * HOUR), NOW).urgent).toBe(true);
    expect(countdown(new Date(NOW + 2 * DAY), NOW).urgent).toBe(false);
  });

  it('says "due in" for the last hour', () => {
    expect(say(12 * MIN + 30_000)).toBe('due in 12 minutes');
    expect(say(1 * MIN)).toBe('due in 1 minute');
    expect(say(20_000)).toBe('due in less than a minute');
  });

  it('says how long ago once the deadline has passed', () => {
    expect(say(-2 * DAY - 3 * HOUR)).toBe('overdue by 2 days');
    expect(say(-5 * HOUR)).toBe('overdue by 5 hours');
    expect(say(-10_000)).toBe('overdue by 1 minute');
    expect(countdown(new Date(NOW - MIN), NOW).overdue).toBe(true);
  });

  it('reads ISO strings the hub sends', () => {
    expect(countdown('2026-11-25T12:00:00Z', NOW).values).toEqual({ days: 1, hours: 0 });
  });
});

describe('file sizes', () => {
  it('uses the largest unit that keeps a readable number', () => {
    expect(formatSize(512, 'en')).toBe('512 B');
    expect(formatSize(1536, 'en')).toBe('1.5 KB');
    expect(formatSize(25 * 1024 * 1024, 'en')).toBe('25 MB');
  });
});
