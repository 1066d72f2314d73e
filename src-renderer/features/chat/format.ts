import type { Translate } from '../../app/i18n';
import { dayKey, daysBetween } from './rows';

/** Times and days in the viewer's own time zone and language. */
export function timeOf(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { hour: 'numeric', minute: '2-digit' }).format(
    new Date(iso),
  );
}

export function fullDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/** "Today", "Yesterday", else the weekday and date (with the year only when it is not this year). */
export function dayLabel(key: string, t: Translate, language: string, now = new Date()): string {
  const today = dayKey(now.toISOString());
  const ago = daysBetween(key, today);
  if (ago === 0) return t('chat.today');
  if (ago === 1) return t('chat.yesterday');
  // Noon UTC of that calendar day, formatted in UTC: the same day whatever the viewer's zone.
  return new Intl.DateTimeFormat(language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    ...(key.slice(0, 4) === today.slice(0, 4) ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(new Date(`${key}T12:00:00Z`));
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
