import type { HandlersFor } from '../../handlers';
import type { ExitTicketService } from './exit-ticket-service';

type ExitTicketRouteName =
  | 'sessionExitTickets'
  | 'createExitTicket'
  | 'closeExitTicket'
  | 'answerExitTicket'
  | 'exitTicketAnswers';

export function exitTicketRoutes(tickets: ExitTicketService): HandlersFor<ExitTicketRouteName> {
  return {
    sessionExitTickets: ({ auth, params }) => tickets.list(auth.user, params.sessionId),
    createExitTicket: ({ auth, params, body }) =>
      tickets.ask(auth.user, params.sessionId, body.question),
    closeExitTicket: ({ auth, params }) => tickets.close(auth.user, params.ticketId),
    answerExitTicket: ({ auth, params, body }) =>
      tickets.answer(auth.user, params.ticketId, body.text),
    exitTicketAnswers: ({ auth, params }) => tickets.answers(auth.user, params.ticketId),
  };
}
