/**
 * Dates of the calendar grid, in the viewer's own time zone (the browser's).
 * Days are local midnights; the hub gets the grid's first and last instants
 * in UTC. No date library: Date's local fields and Intl are enough here.
 */
export type CalendarView = 'month' | 'week';

/** Monday first, as in most of the world's school timetables. */
const WEEK_STARTS_ON = 1;

export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + days);
}

export function startOfWeek(date: Date): Date {
  const day = startOfDay(date);
  return addDays(day, -((day.getDay() - WEEK_STARTS_ON + 7) % 7));
}

/** The days shown: a week, or the whole weeks that hold a month (5 or 6 rows). */
export function visibleDays(anchor: Date, view: CalendarView): Date[] {
  if (view === 'week') return Array.from({ length: 7 }, (_, i) => addDays(startOfWeek(anchor), i));
  const first = startOfWeek(new Date(anchor.getFullYear(), anchor.getMonth(), 1));
  const last = new Date(anchor.getFullYear(), anchor.getMonth() + 1, 0);
  const days: Date[] = [];
  for (let day = first; day <= last || days.length % 7 !== 0; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The anchor one view earlier or later. */
export function shift(anchor: Date, view: CalendarView, step: -1 | 1): Date {
  return view === 'week'
    ? addDays(anchor, 7 * step)
    : new Date(anchor.getFullYear(), anchor.getMonth() + step, 1);
}

/** A local calendar day as a key: entries are grouped by the day they start on here. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;
}

export function sameDay(a: Date, b: Date): boolean {
  return dayKey(a) === dayKey(b);
}

/** Monday … Sunday in the viewer's language, short. */
export function weekdayNames(locale: string | undefined, style: 'short' | 'long'): string[] {
  const monday = startOfWeek(new Date());
  const format = new Intl.DateTimeFormat(locale, { weekday: style });
  return Array.from({ length: 7 }, (_, i) => format.format(addDays(monday, i)));
}

export function formatTime(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );
}

/** "December 2026" or "30 Nov – 6 Dec 2026". */
export function viewTitle(anchor: Date, view: CalendarView, locale?: string): string {
  if (view === 'month')
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' }).format(anchor);
  const start = startOfWeek(anchor);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).formatRange(start, addDays(start, 6));
}

/** The viewer's time zone, to say which one the times are in. */
export function timeZoneName(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
