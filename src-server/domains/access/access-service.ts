import type { Room } from '../../../src-shared/schemas/chat';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import type { UserRecord } from '../../storage/records';
import { placesOf, type Places } from './places';
import type { AccessStorage } from './ports';
import { assertMayRead, assertMayWrite, type ParsedRoom } from './room-access';
import { sessionAccess, type SessionAccess } from './session-access';

/** A signed-in person as the rules see them; callers outside domains/ use this name, not storage's. */
export type Person = UserRecord;

/** The access rules for callers that hold no storage: socket handlers and delivery. */
export class AccessService {
  constructor(private readonly storage: AccessStorage) {}

  places(user: UserRecord): Promise<Places> {
    return placesOf(this.storage, user);
  }

  session(user: UserRecord, sessionId: SessionId): Promise<SessionAccess> {
    return sessionAccess(this.storage, user, sessionId);
  }

  mayReadRoom(user: UserRecord, room: Room): Promise<ParsedRoom> {
    return assertMayRead(this.storage, user, room);
  }

  mayWriteRoom(user: UserRecord, room: Room): Promise<ParsedRoom> {
    return assertMayWrite(this.storage, user, room);
  }
}
