import { route } from '../../api-route';
import { handsSchema } from '../../schemas/class-tools/hands';
import { memberParamsSchema, sessionParamsSchema } from '../../schemas/sessions';

/** Raise hand in a live class: students raise and lower, the teacher calls on and lowers. */
export const handRoutes = {
  hands: route({
    method: 'get',
    path: '/sessions/:sessionId/hands',
    tag: 'class tools',
    auth: 'user',
    summary:
      'The raised hands, oldest first, and who is called on (the session’s people and admins)',
    params: sessionParamsSchema,
    response: handsSchema,
  }),
  raiseHand: route({
    method: 'put',
    path: '/sessions/:sessionId/hands/mine',
    tag: 'class tools',
    auth: 'user',
    summary: 'Raise your hand (a student of the session); raising it again keeps your place',
    params: sessionParamsSchema,
    response: handsSchema,
  }),
  lowerMyHand: route({
    method: 'delete',
    path: '/sessions/:sessionId/hands/mine',
    tag: 'class tools',
    auth: 'user',
    summary: 'Lower your own hand (a student of the session)',
    params: sessionParamsSchema,
    response: handsSchema,
  }),
  callOnHand: route({
    method: 'post',
    path: '/sessions/:sessionId/hands/:userId/call',
    tag: 'class tools',
    auth: 'user',
    summary: 'Call on a student whose hand is up (the host); they see that they are called on',
    params: memberParamsSchema,
    response: handsSchema,
  }),
  lowerHand: route({
    method: 'delete',
    path: '/sessions/:sessionId/hands/:userId',
    tag: 'class tools',
    auth: 'user',
    summary: 'Lower one student’s hand (the host)',
    params: memberParamsSchema,
    response: handsSchema,
  }),
  lowerAllHands: route({
    method: 'delete',
    path: '/sessions/:sessionId/hands',
    tag: 'class tools',
    auth: 'user',
    summary: 'Lower every hand (the host)',
    params: sessionParamsSchema,
    response: handsSchema,
  }),
} as const;
