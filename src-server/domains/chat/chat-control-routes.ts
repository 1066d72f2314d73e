import type { HandlersFor } from '../handlers';
import type { ChatControlsService } from './chat-controls';

export function chatControlRoutes(
  controls: ChatControlsService,
): HandlersFor<'chatControls' | 'updateChatControls' | 'pinChatMessage' | 'unpinChatMessage'> {
  return {
    chatControls: ({ auth, params }) => controls.controls(auth.user, params.sessionId),
    updateChatControls: ({ auth, params, body }) =>
      controls.update(auth.user, params.sessionId, body),
    pinChatMessage: ({ auth, params, body }) => controls.pin(auth.user, params.sessionId, body.seq),
    unpinChatMessage: ({ auth, params }) => controls.unpin(auth.user, params.sessionId),
  };
}
