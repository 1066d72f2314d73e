import { api as routes, buildPath } from '../../../src-shared/api';
import type { CalendarEntry } from '../../../src-shared/schemas/calendar';
import { createStore } from '../../app/createStore';
import { api, socket } from '../../app/hub-client';
import { followLive } from '../../app/use-live';
import { addDays, type CalendarView, visibleDays } from './calendar-dates';

interface CalendarState {
  view: CalendarView;
  /** Any day inside the shown month or week. */
  anchor: Date;
  entries: CalendarEntry[];
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: unknown;
}

/** The view and the place in time outlive a visit to an entry, so "back" returns to the same month. */
export const calendarStore = createStore<CalendarState>({
  view: 'month',
  anchor: new Date(),
  entries: [],
  status: 'idle',
  error: undefined,
});

let latest = 0;

/** Loads the entries of the shown days; a slower earlier answer never overwrites a newer one. */
export async function loadCalendar(): Promise<void> {
  const { anchor, view } = calendarStore.get();
  const days = visibleDays(anchor, view);
  const request = ++latest;
  calendarStore.set({ status: 'loading', error: undefined });
  try {
    const answer = await api.call('calendar', {
      query: {
        from: days[0]!.toISOString(),
        to: addDays(days[days.length - 1]!, 1).toISOString(),
      },
    });
    if (request === latest) calendarStore.set({ entries: answer.entries, status: 'ready' });
  } catch (error) {
    if (request === latest) calendarStore.set({ status: 'failed', error });
  }
}

export function showCalendar(change: Partial<Pick<CalendarState, 'view' | 'anchor'>>): void {
  calendarStore.set(change);
  void loadCalendar();
}

/** Saves the person's calendar as an .ics file through a short-lived download link. */
export async function downloadCalendarFile(): Promise<void> {
  const link = await api.call('downloadLink', {
    body: { path: buildPath(routes.calendarFile.path) },
  });
  const anchor = document.createElement('a');
  anchor.href = link.url;
  anchor.download = 'classhub.ics';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

/** A deadline added, moved or removed in one of the person's courses shows at once, once the calendar has been opened. */
function refreshIfShown(): void {
  if (calendarStore.get().status !== 'idle') void loadCalendar();
}
// Any course of this person's (the hub sends each only their own courses' hints).
followLive(['course:*'], refreshIfShown, ['deadlines']);
socket.on('session:updated', refreshIfShown);
