import { route } from '../../api-route';
import { handsChangeSchema, handsSchema } from '../../schemas/class-tools/hands';
import { memberParamsSchema, sessionParamsSchema } from '../../schemas/sessions';

/**
 * Raise hand in a live class: students raise and lower, the teacher calls on
 * and lowers. The GET answers the queue; every change answers just the change
 * and the count (as the live `hands:changed` does), so a burst stays linear.
 */
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
    response: handsChangeSchema,
  }),
  lowerMyHand: route({
    method: 'delete',
    path: '/sessions/:sessionId/hands/mine',
    tag: 'class tools',
    auth: 'user',
    summary: 'Lower your own hand (a student of the session)',
    params: sessionParamsSchema,
    response: handsChangeSchema,
  }),
  callOnHand: route({
    method: 'post',
    path: '/sessions/:sessionId/hands/:userId/call',
    tag: 'class tools',
    auth: 'user',
    summary: 'Call on a student whose hand is up (the host); they see that they are called on',
    params: memberParamsSchema,
    response: handsChangeSchema,
  }),
  lowerHand: route({
    method: 'delete',
    path: '/sessions/:sessionId/hands/:userId',
    tag: 'class tools',
    auth: 'user',
    summary: 'Lower one student’s hand (the host)',
    params: memberParamsSchema,
    response: handsChangeSchema,
  }),
  lowerAllHands: route({
    method: 'delete',
    path: '/sessions/:sessionId/hands',
    tag: 'class tools',
    auth: 'user',
    summary: 'Lower every hand (the host)',
    params: sessionParamsSchema,
    response: handsChangeSchema,
  }),
} as const;
