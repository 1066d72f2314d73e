const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "5 minutes ago", "yesterday", "3 days ago"; past a week the
 * date itself, which reads better than "5 weeks ago" in an inbox.
 */
export function relativeTime(iso: string, now: number, language: string, justNow: string): string {
  const at = Date.parse(iso);
  const ago = now - at;
  if (ago < MINUTE) return justNow;
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  if (ago < HOUR) return format.format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return format.format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 7 * DAY) return format.format(-Math.floor(ago / DAY), 'day');
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(at));
}

const ISO_IN_TEXT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/** The hub writes due times into some bodies as ISO (UTC); people read their own zone. */
export function localiseTimes(text: string, language: string): string {
  return text.replace(ISO_IN_TEXT, (iso) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    ),
  );
}
