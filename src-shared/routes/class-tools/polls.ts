import { z } from 'zod';
import { route } from '../../api-route';
import {
  answerPollRequestSchema,
  createPollRequestSchema,
  pollParamsSchema,
  pollResponderSchema,
  pollSchema,
  pollToGradebookRequestSchema,
} from '../../schemas/class-tools/polls';
import { sessionParamsSchema } from '../../schemas/sessions';

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
