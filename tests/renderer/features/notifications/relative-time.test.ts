import { describe, expect, it } from 'vitest';
import {
  localiseTimes,
  relativeTime,
} from '../../../../src-renderer/features/notifications/relative-time';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const ago = (ms: number) => relativeTime(new Date(NOW - ms).toISOString(), NOW, 'en', 'just now');

describe('when a notification arrived', () => {
  it('reads like a person would say it', () => {
    expect(ago(20_000)).toBe('just now');
    expect(ago(5 * 60_000)).toBe('5 minutes ago');
    expect(ago(3 * 3600_000)).toBe('3 hours ago');
    expect(ago(26 * 3600_000)).toBe('yesterday');
    expect(ago(3 * 86_400_000)).toBe('3 days ago');
  });

  it('gives the date once it is more than a week old', () => {
    expect(ago(30 * 86_400_000)).toBe('Oct 25, 2026');
  });

  it('turns ISO times the hub wrote into a body into readable ones', () => {
    expect(localiseTimes('Due 2026-12-01T17:00:00.000Z', 'en')).toMatch(/^Due Dec 1, 2026, \d/);
    expect(localiseTimes('Algorithms', 'en')).toBe('Algorithms');
  });
});
