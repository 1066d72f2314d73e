import { route } from '../../api-route';
import {
  askQuestionRequestSchema,
  moderateQuestionRequestSchema,
  questionListSchema,
  questionParamsSchema,
  questionSchema,
} from '../../schemas/class-tools/questions';
import { sessionParamsSchema } from '../../schemas/sessions';

/** Anonymous questions in a live class: asked and upvoted by students, moderated by the teacher. */
export const questionRoutes = {
  questions: route({
    method: 'get',
    path: '/sessions/:sessionId/questions',
    tag: 'class tools',
    auth: 'user',
    summary:
      'The class’s anonymous questions (students do not see dismissed ones; only an admin sees who asked)',
    params: sessionParamsSchema,
    response: questionListSchema,
  }),
  askQuestion: route({
    method: 'post',
    path: '/sessions/:sessionId/questions',
    tag: 'class tools',
    auth: 'user',
    successStatus: 201,
    summary: 'Ask a question anonymously (a student of the session)',
    params: sessionParamsSchema,
    body: askQuestionRequestSchema,
    response: questionSchema,
  }),
  upvoteQuestion: route({
    method: 'post',
    path: '/sessions/:sessionId/questions/:questionId/upvote',
    tag: 'class tools',
    auth: 'user',
    summary: 'Upvote a classmate’s question, once per person (a student of the session)',
    params: questionParamsSchema,
    response: questionSchema,
  }),
  moderateQuestion: route({
    method: 'patch',
    path: '/sessions/:sessionId/questions/:questionId',
    tag: 'class tools',
    auth: 'user',
    summary: 'Answer, pin or dismiss a question (the host)',
    params: questionParamsSchema,
    body: moderateQuestionRequestSchema,
    response: questionSchema,
  }),
} as const;
