import type { Actor } from '../../../src-shared/permissions';
import type { ChatMessage, Room } from '../../../src-shared/schemas/chat';
import type { ChatRecord, MessageEditRecord, UserRecord } from '../../storage/records';
import type { HistoryEntry, Storage } from '../../storage/repositories';
import { formerMember, toSummary } from '../accounts/views';
import { toStoredFile } from '../files/routes';

/**
 * Who a live chat packet is built for: everyone in the room gets the same
 * bytes, so it carries what every member may see — no email addresses.
 */
export const EVERY_MEMBER: Actor = { role: 'student', isAdmin: false };

/** A stored message as `viewer` sees it: only the author's email depends on the viewer. */
export function chatMessage(
  room: Room,
  entry: HistoryEntry<ChatRecord>,
  author: UserRecord,
  edit: MessageEditRecord | undefined,
  viewer: Actor,
): ChatMessage {
  return {
    room,
    seq: entry.seq,
    author: toSummary(author, viewer),
    text: edit?.deleted ? '' : (edit?.text ?? entry.entry.text),
    files: edit?.deleted ? [] : entry.entry.files.map(toStoredFile),
    clientId: entry.entry.clientId,
    createdAt: entry.at,
    ...(edit ? { editedAt: edit.editedAt } : {}),
    deleted: edit?.deleted ?? false,
    ...(edit?.deleted && edit.removedBy ? { removedByModerator: true as const } : {}),
  };
}

/**
 * Loads what a message needs once (its edit, its author) and returns how to
 * show it to any viewer, so a page of history costs one read per message.
 */
export async function messageRenderer(
  storage: Pick<Storage, 'messageEdits' | 'users'>,
  room: Room,
  entry: HistoryEntry<ChatRecord>,
): Promise<(viewer: Actor) => ChatMessage> {
  const edit = await storage.messageEdits.get(room, entry.seq);
  const author =
    (await storage.users.get(entry.entry.authorId)) ?? formerMember(entry.entry.authorId);
  return (viewer) => chatMessage(room, entry, author, edit, viewer);
}
