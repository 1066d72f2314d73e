import type { Hands } from '../../../../src-shared/schemas/class-tools/hands';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { api } from '../../../app/hub-client';
import { useLiveState } from '../../../app/use-live-state';

/** The class's hands: fetched on opening and after a reconnect, replaced by each `hands:changed`. */
export function useHands(sessionId: SessionId) {
  return useLiveState<Hands, 'hands:changed'>(
    `hands:${sessionId}`,
    () => api.call('hands', { params: { sessionId } }),
    'hands:changed',
    (_, hands) => (hands.sessionId === sessionId ? hands : undefined),
  );
}
