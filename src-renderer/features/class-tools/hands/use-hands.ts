import { useCallback, useEffect, useRef } from 'react';
import {
  applyHandsChange,
  type Hands,
  type HandsChange,
} from '../../../../src-shared/schemas/class-tools/hands';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { api } from '../../../app/hub-client';
import { useLiveState } from '../../../app/use-live-state';

/**
 * The class's hands: fetched on opening and after a reconnect, then kept by
 * applying each `hands:changed`. Each change carries the hub's count: a
 * queue that disagrees (a change missed) is fetched again.
 */
export function useHands(sessionId: SessionId) {
  const expected = useRef<number | undefined>(undefined);
  const live = useLiveState<Hands, 'hands:changed'>(
    `hands:${sessionId}`,
    () => api.call('hands', { params: { sessionId } }),
    'hands:changed',
    (hands, change) => {
      if (change.sessionId !== sessionId || !hands) return undefined;
      expected.current = change.count;
      return applyHandsChange(hands, change);
    },
  );
  const { state, reload, set } = live;
  /** A change answered to this person's own request: applied at once, checked like a live one. */
  const apply = useCallback(
    (change: HandsChange) =>
      set((hands) => {
        if (!hands) return hands;
        expected.current = change.count;
        return applyHandsChange(hands, change);
      }),
    [set],
  );
  useEffect(() => {
    if (!state || expected.current === undefined) return;
    const drifted = state.queue.length !== expected.current;
    expected.current = undefined;
    if (drifted) void reload();
  }, [state, reload]);
  return { ...live, apply };
}
