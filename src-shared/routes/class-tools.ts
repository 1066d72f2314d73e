import { z } from 'zod';
import { route } from '../api-route';
import {
  attendanceSheetSchema,
  attendanceWindowParamsSchema,
  attendanceWindowSchema,
  checkInRequestSchema,
  checkInResultSchema,
  openAttendanceRequestSchema,
} from '../schemas/class-tools/attendance';
import {
  answerExitTicketRequestSchema,
  createExitTicketRequestSchema,
  exitTicketAnswerSchema,
  exitTicketParamsSchema,
  exitTicketSchema,
} from '../schemas/class-tools/exit-tickets';
import {
  answerPollRequestSchema,
  createPollRequestSchema,
  pollParamsSchema,
  pollResponderSchema,
  pollSchema,
  pollToGradebookRequestSchema,
} from '../schemas/class-tools/polls';
import { courseParamsSchema } from '../schemas/courses';
import { sessionParamsSchema } from '../schemas/sessions';

const tag = 'class-tools';

/** Polls and quick quizzes in a live session: the host runs them, members answer. */
export const pollRoutes = {
  sessionPolls: route({
    method: 'get',
    path: '/sessions/:sessionId/polls',
    tag,
    auth: 'user',
    summary:
      'The session’s polls and quizzes, newest first (drafts to the host only); what a screen fetches on join and after a reconnect',
    params: sessionParamsSchema,
    response: z.array(pollSchema),
  }),
  createPoll: route({
    method: 'post',
    path: '/sessions/:sessionId/polls',
    tag,
    auth: 'user',
    successStatus: 201,
    summary: 'Write a poll or quiz as a draft (host)',
    params: sessionParamsSchema,
    body: createPollRequestSchema,
    response: pollSchema,
  }),
  poll: route({
    method: 'get',
    path: '/polls/:pollId',
    tag,
    auth: 'user',
    summary: 'One poll as the viewer may see it',
    params: pollParamsSchema,
    response: pollSchema,
  }),
  openPoll: route({
    method: 'post',
    path: '/polls/:pollId/open',
    tag,
    auth: 'user',
    summary: 'Open a draft for answers (host)',
    params: pollParamsSchema,
    response: pollSchema,
  }),
  closePoll: route({
    method: 'post',
    path: '/polls/:pollId/close',
    tag,
    auth: 'user',
    summary: 'Stop taking answers (host)',
    params: pollParamsSchema,
    response: pollSchema,
  }),
  revealPoll: route({
    method: 'post',
    path: '/polls/:pollId/reveal',
    tag,
    auth: 'user',
    summary: 'Show the results (and a quiz’s right answers and scores) to the students; closes it',
    params: pollParamsSchema,
    response: pollSchema,
  }),
  answerPoll: route({
    method: 'post',
    path: '/polls/:pollId/answer',
    tag,
    auth: 'user',
    summary: 'Answer an open poll (members); answering again while it is open replaces the answer',
    params: pollParamsSchema,
    body: answerPollRequestSchema,
    response: pollSchema,
  }),
  pollResponders: route({
    method: 'get',
    path: '/polls/:pollId/responders',
    tag,
    auth: 'user',
    summary: 'Who answered what, with quiz scores (host and admins; not for anonymous polls)',
    params: pollParamsSchema,
    response: z.array(pollResponderSchema),
  }),
  pollCsv: route({
    method: 'get',
    path: '/polls/:pollId/results.csv',
    tag,
    auth: 'user',
    summary:
      'Results as CSV: a row per answer (names unless anonymous), scores for a quiz (host and admins)',
    params: pollParamsSchema,
    response: 'file',
  }),
  pollToGradebook: route({
    method: 'post',
    path: '/polls/:pollId/gradebook',
    tag,
    auth: 'user',
    summary:
      'Put a revealed quiz’s scores in the course gradebook as an assignment (the course’s teacher)',
    params: pollParamsSchema,
    body: pollToGradebookRequestSchema,
    response: pollSchema,
  }),
} as const;

/** Attendance: a check-in window, check-in by session token or QR link, history per course. */
export const attendanceRoutes = {
  sessionAttendance: route({
    method: 'get',
    path: '/sessions/:sessionId/attendance',
    tag,
    auth: 'user',
    summary:
      'The session’s check-in windows, newest first, with counts and the viewer’s own check-in',
    params: sessionParamsSchema,
    response: z.array(attendanceWindowSchema),
  }),
  openAttendance: route({
    method: 'post',
    path: '/sessions/:sessionId/attendance',
    tag,
    auth: 'user',
    successStatus: 201,
    summary: 'Open a check-in window (host); one open window per session',
    params: sessionParamsSchema,
    body: openAttendanceRequestSchema,
    response: attendanceWindowSchema,
  }),
  closeAttendance: route({
    method: 'post',
    path: '/attendance/:windowId/close',
    tag,
    auth: 'user',
    summary: 'Close the check-in window (host); whoever has not checked in is absent',
    params: attendanceWindowParamsSchema,
    response: attendanceWindowSchema,
  }),
  attendanceSheet: route({
    method: 'get',
    path: '/attendance/:windowId',
    tag,
    auth: 'user',
    summary: 'Present, late or absent for each student with times (host and admins)',
    params: attendanceWindowParamsSchema,
    response: attendanceSheetSchema,
  }),
  attendanceCsv: route({
    method: 'get',
    path: '/attendance/:windowId/attendance.csv',
    tag,
    auth: 'user',
    summary: 'One window’s attendance as CSV (host and admins)',
    params: attendanceWindowParamsSchema,
    response: 'file',
  }),
  checkIn: route({
    method: 'post',
    path: '/attendance/check-in',
    tag,
    auth: 'user',
    summary: 'Check in with the session token (typed, or from the QR code’s link)',
    description:
      'Joins the session first if you are not in it yet (the same rules as joining). No open window: 409; wrong token: 404 (guessing is rate-limited, 429). Checking in again answers the first check-in.',
    body: checkInRequestSchema,
    response: checkInResultSchema,
  }),
  courseAttendance: route({
    method: 'get',
    path: '/courses/:courseId/attendance',
    tag,
    auth: 'user',
    summary: 'Every check-in window of the course’s sessions, newest first (teacher and admins)',
    params: courseParamsSchema,
    response: z.array(attendanceWindowSchema),
  }),
  courseAttendanceCsv: route({
    method: 'get',
    path: '/courses/:courseId/attendance.csv',
    tag,
    auth: 'user',
    summary:
      'The course’s attendance history as CSV: a row per student per window (teacher and admins)',
    params: courseParamsSchema,
    response: 'file',
  }),
} as const;

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
