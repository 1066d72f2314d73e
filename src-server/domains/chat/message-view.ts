import type { Actor } from '../../../src-shared/permissions';
import type { ChatMessage, Room } from '../../../src-shared/schemas/chat';
import type { ChatRecord } from '../../storage/records';
import type { HistoryEntry, Storage } from '../../storage/repositories';
import { formerMember, toSummary } from '../accounts/views';
import { toStoredFile } from '../files/routes';

/**
 * Loads what a message needs once (its edit, its author) and returns how to
 * show it to any viewer — only the author's email differs — so delivering to
 * a full room costs one read.
 */
export async function messageRenderer(
  storage: Storage,
  room: Room,
  entry: HistoryEntry<ChatRecord>,
): Promise<(viewer: Actor) => ChatMessage> {
  const edit = await storage.messageEdits.get(room, entry.seq);
  const author =
    (await storage.users.get(entry.entry.authorId)) ?? formerMember(entry.entry.authorId);
  return (viewer) => ({
    room,
    seq: entry.seq,
    author: toSummary(author, viewer),
    text: edit?.deleted ? '' : (edit?.text ?? entry.entry.text),
    files: edit?.deleted ? [] : entry.entry.files.map(toStoredFile),
    clientId: entry.entry.clientId,
    createdAt: entry.at,
    ...(edit ? { editedAt: edit.editedAt } : {}),
    deleted: edit?.deleted ?? false,
  });
}
