import type { Room } from '../../../src-shared/schemas/chat';
import type { FileId } from '../../../src-shared/schemas/files';
import { DomainError } from '../../domain-error';
import { storedFile, type FileReply } from '../file-reply';
import type { UserRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import { assertMayRead } from '../access/room-access';
import { ACCESS_REPOSITORIES } from '../access/ports';

/** The repositories ChatFiles reads and writes (createHub hands it exactly these). */
export const CHAT_FILE_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'blobs',
  'chat',
  'messageEdits',
] as const;

/** Files attached to chat messages: for the people in the room, gone with a deleted message. */
export class ChatFiles {
  constructor(private readonly deps: DomainDeps<(typeof CHAT_FILE_REPOSITORIES)[number]>) {}

  async download(actor: UserRecord, room: Room, seq: number, fileId: FileId): Promise<FileReply> {
    const { storage } = this.deps;
    await assertMayRead(storage, actor, room);
    const entry = await storage.chat.get(room, seq);
    const edit = entry && (await storage.messageEdits.get(room, seq));
    const file = !edit?.deleted && entry?.entry.files.find((f) => f.id === fileId);
    if (!file)
      throw new DomainError(
        'NOT_FOUND',
        'This file is not in the chat (its message may have been deleted).',
      );
    return storedFile(storage.blobs, file);
  }
}
