import { route } from '../../api-route';
import {
  chatControlsSchema,
  pinMessageRequestSchema,
  updateChatControlsRequestSchema,
} from '../../schemas/class-tools/chat-controls';
import { sessionParamsSchema } from '../../schemas/sessions';

/** A live class's chat controls: quiet mode, slow mode and the pinned message. */
export const chatControlRoutes = {
  chatControls: route({
    method: 'get',
    path: '/sessions/:sessionId/chat-controls',
    tag: 'class tools',
    auth: 'user',
    summary: 'Quiet mode, slow mode and the pinned message of the session’s chat',
    params: sessionParamsSchema,
    response: chatControlsSchema,
  }),
  updateChatControls: route({
    method: 'patch',
    path: '/sessions/:sessionId/chat-controls',
    tag: 'class tools',
    auth: 'user',
    summary:
      'Turn quiet mode or slow mode on or off (the host); the hub enforces them on every send',
    params: sessionParamsSchema,
    body: updateChatControlsRequestSchema,
    response: chatControlsSchema,
  }),
  pinChatMessage: route({
    method: 'put',
    path: '/sessions/:sessionId/chat-controls/pin',
    tag: 'class tools',
    auth: 'user',
    summary: 'Pin a message of the session’s chat for everyone (the host)',
    params: sessionParamsSchema,
    body: pinMessageRequestSchema,
    response: chatControlsSchema,
  }),
  unpinChatMessage: route({
    method: 'delete',
    path: '/sessions/:sessionId/chat-controls/pin',
    tag: 'class tools',
    auth: 'user',
    summary: 'Unpin the pinned message (the host)',
    params: sessionParamsSchema,
    response: chatControlsSchema,
  }),
} as const;
