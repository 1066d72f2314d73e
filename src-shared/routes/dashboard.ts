import { z } from 'zod';
import { route } from '../api-route';
import { pageQuerySchema, pageSchema } from '../pagination';
import {
  activityItemSchema,
  spectrumSchema,
  teachingSummarySchema,
  upcomingDeadlineSchema,
} from '../schemas/dashboard';

/** What the home dashboards show, each built from the viewer's own courses (never a whole-database scan). */
export const dashboardRoutes = {
  activity: route({
    method: 'get',
    path: '/dashboard/activity',
    tag: 'dashboard',
    auth: 'user',
    summary:
      'Last 7 days in your courses: status updates of people you share a course with, new materials, new deadlines; newest first',
    query: pageQuerySchema,
    response: pageSchema(activityItemSchema),
  }),
  upcomingDeadlines: route({
    method: 'get',
    path: '/dashboard/deadlines',
    tag: 'dashboard',
    auth: 'user',
    summary: 'Deadlines still ahead in your courses, soonest first',
    query: z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }),
    response: z.array(upcomingDeadlineSchema),
  }),
  resourceSpectrum: route({
    method: 'get',
    path: '/dashboard/spectrum',
    tag: 'dashboard',
    auth: 'user',
    summary: 'Material kinds per course (the resource spectrum)',
    response: spectrumSchema,
  }),
  teaching: route({
    method: 'get',
    path: '/dashboard/teaching',
    tag: 'dashboard',
    auth: 'user',
    summary:
      'Faculty hub: your courses with enrolment vs capacity, active students, work awaiting grading (teachers)',
    response: teachingSummarySchema,
  }),
} as const;
