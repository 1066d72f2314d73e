import type { HubConfig } from '../../config';
import type { EventBus } from '../../events/bus';
import type { Logger } from '../../logger';
import type { Storage } from '../../storage/repositories';
import { withRepositories } from '../deps';
import { CHAT_CONTROLS_TOOL } from '../chat/chat-controls';
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
import { HANDS_TOOL } from './hands/hand-views';
import { QUESTIONS_TOOL } from './questions/question-views';

/** Every tool whose state lives in the `class-tools` collection, keyed by session. */
const SESSION_TOOLS = [HANDS_TOOL, QUESTIONS_TOOL, CHAT_CONTROLS_TOOL] as const;

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
  // A deleted session takes its polls, check-ins, exit tickets, hands, questions
  // and chat controls with it (its posts go the same way). The class-tools records
  // go one by one through the existing repository methods: a class has few of them.
  deps.bus.on('session.deleted', async ({ session }) => {
    await deps.storage.polls.deleteForSession(session.id);
    await deps.storage.attendance.deleteForSession(session.id);
    await deps.storage.exitTickets.deleteForSession(session.id);
    for (const tool of SESSION_TOOLS)
      for (const record of await deps.storage.classTools.listForTool(session.id, tool))
        await deps.storage.classTools.delete(record.id);
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
