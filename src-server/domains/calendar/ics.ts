import type { CalendarEntry } from '../../../src-shared/schemas/calendar';

/**
 * An iCalendar (RFC 5545) file of calendar entries. Lines end in CRLF and
 * are folded at 75 octets (never inside a UTF-8 character); text values are
 * escaped; times are UTC; each UID is derived from the thing's id, so a
 * calendar app that imports the file twice updates events instead of
 * doubling them.
 */
export function toICalendar(
  entries: readonly CalendarEntry[],
  options: { stamp: Date; host: string; link: (entry: CalendarEntry) => string },
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ClassHub//Calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:ClassHub',
  ];
  for (const entry of entries) lines.push(...event(entry, options));
  lines.push('END:VCALENDAR');
  return lines.map(fold).join('\r\n') + '\r\n';
}

function event(
  entry: CalendarEntry,
  options: { stamp: Date; host: string; link: (entry: CalendarEntry) => string },
): string[] {
  const summary = entry.course ? `${entry.course.code}: ${entry.title}` : entry.title;
  const what = entry.kind === 'deadline' ? 'Deadline' : 'Session';
  return [
    'BEGIN:VEVENT',
    `UID:${entry.kind}-${entry.id}@${options.host}`,
    `DTSTAMP:${utc(options.stamp.toISOString())}`,
    `DTSTART:${utc(entry.startsAt)}`,
    // A deadline is a moment: no DTEND means it ends when it starts (RFC 5545 §3.6.1).
    ...(entry.endsAt ? [`DTEND:${utc(entry.endsAt)}`] : []),
    `SUMMARY:${escapeText(summary)}`,
    `DESCRIPTION:${escapeText(entry.course ? `${what} in ${entry.course.title}` : what)}`,
    `URL:${options.link(entry)}`,
    `CATEGORIES:${what.toUpperCase()}`,
    'END:VEVENT',
  ];
}

/** 2026-12-04T09:30:00.000Z → 20261204T093000Z (the UTC "form #2" of RFC 5545 §3.3.5). */
export function utc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** TEXT values (§3.3.11): backslash, semicolon, comma and newlines escaped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds a content line at 75 octets (§3.1): CRLF then one space, never splitting a character. */
export function fold(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
