import type { HubConfig } from '../../config';
import type { EventBus } from '../../events/bus';
import type { Logger } from '../../logger';
import type { Storage } from '../../storage/repositories';
import { withRepositories } from '../deps';
import { AttendanceExports } from './attendance/attendance-exports';
import {
  ATTENDANCE_REPOSITORIES,
  AttendanceService,
  type JoinByToken,
} from './attendance/attendance-service';
import { attendanceRoutes } from './attendance/routes';
import { EXIT_TICKET_REPOSITORIES, ExitTicketService } from './exit-tickets/exit-ticket-service';
import { exitTicketRoutes } from './exit-tickets/routes';
import { POLL_EXPORT_REPOSITORIES, PollExports } from './polls/poll-exports';
import { POLL_REPOSITORIES, PollService } from './polls/poll-service';
import { pollRoutes } from './polls/routes';

/** The services real-time delivery asks for room views and counts. */
export interface ClassToolsLive {
  readonly polls: PollService;
  readonly attendance: AttendanceService;
  readonly exitTickets: ExitTicketService;
}

interface Deps {
  readonly storage: Storage;
  readonly bus: EventBus;
  readonly logger: Logger;
  readonly config: HubConfig;
  readonly now: () => Date;
}

/** Polls, attendance and exit tickets: each service with exactly its repositories, and their routes. */
export function wireClassTools(deps: Deps, joinByToken: JoinByToken) {
  const polls = new PollService(withRepositories(deps, ...POLL_REPOSITORIES));
  const attendance = new AttendanceService(
    withRepositories(deps, ...ATTENDANCE_REPOSITORIES),
    joinByToken,
  );
  const exitTickets = new ExitTicketService(withRepositories(deps, ...EXIT_TICKET_REPOSITORIES));
  // A deleted session takes its polls, check-ins and exit tickets with it (its posts go the same way).
  deps.bus.on('session.deleted', async ({ session }) => {
    await deps.storage.polls.deleteForSession(session.id);
    await deps.storage.attendance.deleteForSession(session.id);
    await deps.storage.exitTickets.deleteForSession(session.id);
  });
  return {
    handlers: {
      ...pollRoutes(
        polls,
        new PollExports(withRepositories(deps, ...POLL_EXPORT_REPOSITORIES), polls),
      ),
      ...attendanceRoutes(attendance, new AttendanceExports(attendance)),
      ...exitTicketRoutes(exitTickets),
    },
    live: { polls, attendance, exitTickets } satisfies ClassToolsLive,
  };
}
