import { route } from '../api-route';
import { pageQuerySchema, pageSchema } from '../pagination';
import { deadlineStudentParamsSchema } from '../schemas/submissions';
import { privateCommentRequestSchema, privateCommentSchema } from '../schemas/private-comments';

/** The private thread on one student's work for one deadline. */
export const privateCommentRoutes = {
  privateComments: route({
    method: 'get',
    path: '/deadlines/:deadlineId/students/:userId/comments',
    tag: 'submissions',
    auth: 'user',
    summary:
      'The private comments on a student’s work, oldest first (that student, the course’s teacher; admins read them for moderation)',
    params: deadlineStudentParamsSchema,
    query: pageQuerySchema,
    response: pageSchema(privateCommentSchema),
  }),
  createPrivateComment: route({
    method: 'post',
    path: '/deadlines/:deadlineId/students/:userId/comments',
    tag: 'submissions',
    auth: 'user',
    successStatus: 201,
    summary:
      'Write a private comment on a student’s work (that student or the course’s teacher); the other is notified',
    params: deadlineStudentParamsSchema,
    body: privateCommentRequestSchema,
    response: privateCommentSchema,
  }),
} as const;
