import type { UserId } from '../../src-shared/ids';
import { answerPollSocketSchema } from '../../src-shared/schemas/class-tools/polls';
import { DomainError } from '../domain-error';
import type { Person } from '../domains/access/access-service';
import type { ClassToolsLive } from '../domains/class-tools/wire';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import { Coalescer } from './coalesce';
import { parsePayload, responder } from './respond';
import { classObserversRoom, sessionRoom, userRoom } from './rooms';
import type { HubSocketServer } from './socket-server';

/** Who reads a class's counts: its host's devices and the admins looking in (class-access.ts). */
const countReaders = (hostId: UserId, sessionId: string) => [
  userRoom(hostId),
  classObserversRoom(sessionId),
];

/** How often the host's counts may refresh while answers pour in. */
export const COUNTS_INTERVAL_MS = 100;

/**
 * Polls, attendance and exit tickets live. A change everyone may see (a
 * poll opened, revealed; a check-in window opened) is one packet to the
 * session room — the student's view, built once. Answers and check-ins
 * refresh the host's counts on the host's own devices and on those of the
 * admins looking in (the observers' room), counted on the hub and coalesced
 * (Coalescer), never one packet per student. A client that
 * reconnects fetches the state through REST, so nothing here is replayed.
 */
export function deliverLiveTools(
  io: HubSocketServer,
  bus: EventBus,
  tools: ClassToolsLive,
  userOf: (id: UserId) => Promise<Person | undefined>,
  logger: Logger,
): { stop(): void } {
  const respond = responder(logger);
  const failed = (error: unknown) => logger.error({ err: error }, 'class tools delivery failed');

  io.on('connection', (socket) => {
    socket.on('poll:answer', (request, ack) => {
      void respond(ack, async () => {
        // The answer limit is PollService's, shared with the REST route.
        const { pollId, responses } = parsePayload(answerPollSocketSchema, request);
        const user = await userOf(socket.data.userId);
        if (!user) throw new DomainError('TOKEN_REVOKED', 'This account no longer exists.');
        return tools.polls.answer(user, pollId, responses);
      });
    });
  });

  const pollHosts = new Map<string, { hostId: UserId; send: () => Promise<void> }>();
  const pollCounts = new Coalescer(COUNTS_INTERVAL_MS, (pollId) => {
    pollHosts.get(pollId)?.send().catch(failed);
  });
  bus.on('poll.changed', async ({ poll }) => {
    io.to(sessionRoom(poll.sessionId)).emit('poll:changed', await tools.polls.roomView(poll));
  });
  bus.on('poll.answered', ({ poll }) => {
    pollHosts.set(poll.id, {
      hostId: poll.hostId,
      send: async () => {
        const results = await tools.polls.results(poll);
        io.to(countReaders(poll.hostId, poll.sessionId)).emit('poll:results', {
          sessionId: poll.sessionId,
          results,
        });
      },
    });
    pollCounts.touch(poll.id);
  });

  const windows = new Map<string, () => Promise<void>>();
  const windowCounts = new Coalescer(COUNTS_INTERVAL_MS, (id) => {
    windows.get(id)?.().catch(failed);
  });
  bus.on('attendance.changed', ({ window }) => {
    io.to(sessionRoom(window.sessionId)).emit(
      'attendance:changed',
      tools.attendance.roomView(window),
    );
  });
  bus.on('attendance.checked-in', ({ window }) => {
    windows.set(window.id, async () => {
      const counted = await tools.attendance.countedView(window);
      io.to(countReaders(window.openedBy, window.sessionId)).emit('attendance:counts', counted);
    });
    windowCounts.touch(window.id);
  });

  const tickets = new Map<string, () => Promise<void>>();
  const ticketCounts = new Coalescer(COUNTS_INTERVAL_MS, (id) => {
    tickets.get(id)?.().catch(failed);
  });
  bus.on('exit-ticket.changed', async ({ ticket }) => {
    io.to(sessionRoom(ticket.sessionId)).emit(
      'exit-ticket:changed',
      await tools.exitTickets.roomView(ticket),
    );
  });
  bus.on('exit-ticket.answered', ({ ticket }) => {
    tickets.set(ticket.id, async () => {
      const answered = await tools.exitTickets.count(ticket);
      io.to(countReaders(ticket.hostId, ticket.sessionId)).emit('exit-ticket:counts', {
        sessionId: ticket.sessionId,
        ticketId: ticket.id,
        answered,
      });
    });
    ticketCounts.touch(ticket.id);
  });

  return {
    stop() {
      pollCounts.stop();
      windowCounts.stop();
      ticketCounts.stop();
    },
  };
}
