import { z } from 'zod';
import { courseIdSchema } from './courses';

/** The longest range one calendar request may ask for: a month view with its edge weeks fits. */
export const MAX_CALENDAR_DAYS = 62;

export const calendarQuerySchema = z
  .object({
    from: z.iso
      .datetime('Use a date and time like 2026-12-01T00:00:00Z.')
      .meta({ description: 'Start of the range (inclusive), UTC.' }),
    to: z.iso
      .datetime('Use a date and time like 2027-01-01T00:00:00Z.')
      .meta({ description: 'End of the range (exclusive), UTC.' }),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), {
    path: ['to'],
    message: 'The end of the range must come after its start.',
  })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_CALENDAR_DAYS * 86_400_000, {
    path: ['to'],
    message: `Ask for at most ${MAX_CALENDAR_DAYS} days at a time.`,
  });

export const calendarEntrySchema = z
  .object({
    kind: z.enum(['deadline', 'session']),
    /** The deadline's or the session's id: the entry opens that thing. */
    id: z.string(),
    title: z.string(),
    startsAt: z.iso.datetime().meta({ description: 'A deadline: its due time. UTC.' }),
    endsAt: z.iso.datetime().nullable().meta({ description: 'Sessions only.' }),
    course: z.object({ id: courseIdSchema, code: z.string(), title: z.string() }).nullable(),
  })
  .meta({ id: 'CalendarEntry' });
export type CalendarEntry = z.infer<typeof calendarEntrySchema>;

export const calendarSchema = z
  .object({ entries: z.array(calendarEntrySchema).meta({ description: 'Soonest first.' }) })
  .meta({ id: 'Calendar' });
export type Calendar = z.infer<typeof calendarSchema>;

/** Where an entry opens in the app: a deadline in its course, a session on its page. */
export function calendarEntryPath(entry: CalendarEntry): string {
  return entry.kind === 'session'
    ? `/sessions/${entry.id}`
    : `/courses/${entry.course?.id ?? ''}?deadline=${entry.id}`;
}
