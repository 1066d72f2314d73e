import { calendarEntryPath } from '../../../src-shared/schemas/calendar';
import type { HandlersFor } from '../handlers';
import type { CalendarService } from './calendar-service';
import { toICalendar } from './ics';

const DAY = 86_400_000;
/** The export's window: enough history to look back on a term, and a school year ahead. */
const EXPORT_DAYS_BACK = 90;
const EXPORT_DAYS_AHEAD = 365;

export function calendarRoutes(
  calendar: CalendarService,
  now: () => Date,
): HandlersFor<'calendar' | 'calendarFile'> {
  return {
    calendar: async ({ auth, query }) => ({
      entries: await calendar.entries(auth.user, {
        from: new Date(query.from),
        to: new Date(query.to),
      }),
    }),
    calendarFile: async ({ auth, origin }) => {
      const stamp = now();
      const entries = await calendar.entries(auth.user, {
        from: new Date(stamp.getTime() - EXPORT_DAYS_BACK * DAY),
        to: new Date(stamp.getTime() + EXPORT_DAYS_AHEAD * DAY),
      });
      const text = toICalendar(entries, {
        stamp,
        host: 'classhub',
        link: (entry) => origin + calendarEntryPath(entry),
      });
      return {
        kind: 'stream',
        open: () => text,
        contentType: 'text/calendar; charset=utf-8',
        fileName: 'classhub.ics',
      };
    },
  };
}
