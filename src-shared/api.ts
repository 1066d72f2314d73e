import type { SlotInput, SlotOutput } from './api-route';
import { accountRoutes } from './routes/accounts';
import { announcementRoutes } from './routes/announcements';
import { privateCommentRoutes } from './routes/private-comments';
import { adminRoutes } from './routes/admin';
import { backupRoutes } from './routes/backups';
import { calendarRoutes } from './routes/calendar';
import { chatRoutes } from './routes/chat';
import { chatControlRoutes } from './routes/class-tools/chat-controls';
import { handRoutes } from './routes/class-tools/hands';
import { questionRoutes } from './routes/class-tools/questions';
import { attendanceRoutes } from './routes/class-tools/attendance';
import { exitTicketRoutes } from './routes/class-tools/exit-tickets';
import { pollRoutes } from './routes/class-tools/polls';
import { courseContentRoutes, courseRoutes } from './routes/courses';
import { dashboardRoutes } from './routes/dashboard';
import { deviceRoutes } from './routes/devices';
import { fileRoutes } from './routes/files';
import { gradebookRoutes } from './routes/gradebook';
import { healthRoutes } from './routes/health';
import { sessionRoutes } from './routes/sessions';
import { submissionRoutes } from './routes/submissions';

export * from './api-route';

/**
 * The REST route table: the one place a route is described (one file per
 * domain in routes/). The server registers handlers from it, the OpenAPI
 * document is generated from it, and clients take their types from it.
 */
export const api = {
  ...healthRoutes,
  ...accountRoutes,
  ...adminRoutes,
  ...backupRoutes,
  ...fileRoutes,
  ...sessionRoutes,
  ...chatRoutes,
  ...courseRoutes,
  ...courseContentRoutes,
  ...submissionRoutes,
  ...dashboardRoutes,
  ...calendarRoutes,
  ...announcementRoutes,
  ...privateCommentRoutes,
  ...gradebookRoutes,
  ...deviceRoutes,
  ...handRoutes,
  ...questionRoutes,
  ...chatControlRoutes,
  ...pollRoutes,
  ...attendanceRoutes,
  ...exitTicketRoutes,
} as const;

export type Api = typeof api;
export type RouteName = keyof Api;

export type RouteResponse<N extends RouteName> = SlotOutput<Api[N]['response']>;
export type RouteBody<N extends RouteName> = SlotInput<Api[N]['body']>;
export type RouteQuery<N extends RouteName> = SlotInput<Api[N]['query']>;
export type RouteParams<N extends RouteName> = SlotInput<Api[N]['params']>;
