import type { MessageKey, Translate } from '../app/i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface Countdown {
  /** Which sentence: plenty of time, under an hour, or past due. */
  readonly key: MessageKey;
  readonly values: Readonly<Record<string, number>>;
  /** Less than a day to go: shown in a warning colour. */
  readonly urgent: boolean;
  readonly overdue: boolean;
}

/**
 * How long until (or since) a due time, in the two largest useful units:
 * "4 days, 23 hours left", "3 hours, 5 minutes left", "due in 12 minutes",
 * "overdue by 2 days". Pure: `now` is passed in so it can be tested.
 */
export function countdown(dueAt: Date | string, now: Date | number): Countdown {
  const due = typeof dueAt === 'string' ? Date.parse(dueAt) : dueAt.getTime();
  const left = due - (typeof now === 'number' ? now : now.getTime());
  if (left <= 0) return overdue(-left);
  const days = Math.floor(left / DAY);
  const hours = Math.floor((left % DAY) / HOUR);
  const minutes = Math.floor((left % HOUR) / MINUTE);
  const urgent = left < DAY;
  const base = { urgent, overdue: false };
  if (days > 0) return { ...base, key: 'courses.countdown.days', values: { days, hours } };
  if (hours > 0) return { ...base, key: 'courses.countdown.hours', values: { hours, minutes } };
  if (minutes > 0) return { ...base, key: 'courses.countdown.minutes', values: { minutes } };
  return { ...base, key: 'courses.countdown.now', values: {} };
}

function overdue(late: number): Countdown {
  const base = { urgent: true, overdue: true };
  if (late >= DAY)
    return {
      ...base,
      key: 'courses.countdown.overdueDays',
      values: { days: Math.floor(late / DAY) },
    };
  if (late >= HOUR)
    return {
      ...base,
      key: 'courses.countdown.overdueHours',
      values: { hours: Math.floor(late / HOUR) },
    };
  return {
    ...base,
    key: 'courses.countdown.overdueMinutes',
    values: { minutes: Math.max(1, Math.floor(late / MINUTE)) },
  };
}

export function formatCountdown(dueAt: Date | string, now: Date | number, t: Translate): string {
  const c = countdown(dueAt, now);
  return t(c.key, c.values);
}

/** A due time in the viewer's own zone and language, e.g. "Tue, 1 Dec 2026, 17:00". */
export function formatDueAt(dueAt: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(dueAt));
}

/** "1.5 MB": sizes the way file managers show them. */
export function formatSize(bytes: number, language: string): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
