import type { SessionRecord, UserRecord } from '../../storage/records';
import type { Viewer } from './views';

/** Who is looking at a session, as the views decide what to show: host and admin see more. */
export function viewerOf(actor: UserRecord, session: SessionRecord): Viewer {
  return {
    user: actor,
    session: { userId: actor.id, isHost: session.hostId === actor.id, isAdmin: actor.isAdmin },
  };
}
