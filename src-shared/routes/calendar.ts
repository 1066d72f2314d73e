import { route } from '../api-route';
import { calendarQuerySchema, calendarSchema } from '../schemas/calendar';

/** A person's own calendar: deadlines of their courses and the scheduled sessions they belong to. */
export const calendarRoutes = {
  calendar: route({
    method: 'get',
    path: '/calendar',
    tag: 'calendar',
    auth: 'user',
    summary: 'Your deadlines and scheduled sessions in a date range (at most 62 days)',
    query: calendarQuerySchema,
    response: calendarSchema,
  }),
  calendarFile: route({
    method: 'get',
    path: '/calendar/classhub.ics',
    tag: 'calendar',
    auth: 'user',
    summary: 'Your calendar as an iCalendar file (RFC 5545), for any calendar app',
    description: 'From 90 days back to a year ahead. UTC times; UIDs stay the same across exports.',
    response: 'file',
  }),
};
