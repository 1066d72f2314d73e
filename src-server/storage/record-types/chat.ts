import type { UserId } from '../../../src-shared/ids';
import type { PostFileRecord } from './files';

/** Stored shapes of chat: messages, their edits, and how far each person has read. */

/** One chat message as appended to the room's stream. */
export interface ChatRecord {
  readonly authorId: UserId;
  readonly clientId: string;
  readonly text: string;
  readonly files: readonly PostFileRecord[];
}

export interface MessageEditRecord {
  /** `${room}#${seq}` */
  readonly id: string;
  readonly text: string;
  readonly deleted: boolean;
  readonly editedAt: string;
  /** Who removed it when not its author: the room's moderator (room-access.ts moderatesRoom). */
  readonly removedBy?: UserId;
}

/** How far a person has read a stream (a room, or their notification inbox), synced across devices. */
export interface ReadMarkerRecord {
  /** `${userId}|${stream}` */
  readonly id: string;
  readonly userId: UserId;
  readonly stream: string;
  readonly seq: number;
  /** Read one by one above `seq` (notifications marked individually). */
  readonly readSeqs: readonly number[];
}
