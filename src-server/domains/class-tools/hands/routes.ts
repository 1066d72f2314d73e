import type { HandlersFor } from '../../handlers';
import type { HandService } from './hand-service';

export function handRoutes(
  hands: HandService,
): HandlersFor<
  'hands' | 'raiseHand' | 'lowerMyHand' | 'callOnHand' | 'lowerHand' | 'lowerAllHands'
> {
  return {
    hands: ({ auth, params }) => hands.hands(auth.user, params.sessionId),
    raiseHand: ({ auth, params }) => hands.raise(auth.user, params.sessionId),
    lowerMyHand: ({ auth, params }) => hands.lowerMine(auth.user, params.sessionId),
    callOnHand: ({ auth, params }) => hands.callOn(auth.user, params.sessionId, params.userId),
    lowerHand: ({ auth, params }) => hands.lower(auth.user, params.sessionId, params.userId),
    lowerAllHands: ({ auth, params }) => hands.lowerAll(auth.user, params.sessionId),
  };
}
