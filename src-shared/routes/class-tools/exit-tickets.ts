import { z } from 'zod';
import { route } from '../../api-route';
import {
  answerExitTicketRequestSchema,
  createExitTicketRequestSchema,
  exitTicketAnswerSchema,
  exitTicketParamsSchema,
  exitTicketSchema,
} from '../../schemas/class-tools/exit-tickets';
import { sessionParamsSchema } from '../../schemas/sessions';

const tag = 'class-tools';

/** Exit tickets: one question at the end of class, one answer per student. */
export const exitTicketRoutes = {
  sessionExitTickets: route({
    method: 'get',
    path: '/sessions/:sessionId/exit-tickets',
    tag,
    auth: 'user',
    summary: 'The session’s exit tickets, newest first, with the viewer’s own answer',
    params: sessionParamsSchema,
    response: z.array(exitTicketSchema),
  }),
  createExitTicket: route({
    method: 'post',
    path: '/sessions/:sessionId/exit-tickets',
    tag,
    auth: 'user',
    successStatus: 201,
    summary: 'Ask the exit ticket question (host); it is open at once, one open ticket per session',
    params: sessionParamsSchema,
    body: createExitTicketRequestSchema,
    response: exitTicketSchema,
  }),
  closeExitTicket: route({
    method: 'post',
    path: '/exit-tickets/:ticketId/close',
    tag,
    auth: 'user',
    summary: 'Stop taking answers (host)',
    params: exitTicketParamsSchema,
    response: exitTicketSchema,
  }),
  answerExitTicket: route({
    method: 'post',
    path: '/exit-tickets/:ticketId/answer',
    tag,
    auth: 'user',
    summary: 'Answer the exit ticket (members, once)',
    params: exitTicketParamsSchema,
    body: answerExitTicketRequestSchema,
    response: exitTicketSchema,
  }),
  exitTicketAnswers: route({
    method: 'get',
    path: '/exit-tickets/:ticketId/answers',
    tag,
    auth: 'user',
    summary: 'Every answer in one list, oldest first (host and admins)',
    params: exitTicketParamsSchema,
    response: z.array(exitTicketAnswerSchema),
  }),
} as const;
