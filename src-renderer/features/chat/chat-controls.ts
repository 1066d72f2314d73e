import type { ChatControls } from '../../../src-shared/schemas/class-tools/chat-controls';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import { api } from '../../app/hub-client';
import { useLiveState } from '../../app/use-live-state';

/**
 * A live class's chat controls (quiet mode, slow mode, the pinned message),
 * kept live. The chat shows them above the conversation; the class tools
 * panel lets the teacher change them. The hub enforces them either way.
 */
export function useChatControls(sessionId: SessionId | undefined) {
  return useLiveState<ChatControls, 'chat-controls:changed'>(
    `chat-controls:${sessionId ?? ''}`,
    () =>
      sessionId
        ? api.call('chatControls', { params: { sessionId } })
        : Promise.reject(new Error('no session')),
    'chat-controls:changed',
    (_, controls) => (controls.sessionId === sessionId ? controls : undefined),
  );
}
