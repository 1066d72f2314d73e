import type { ChatMessage, Room } from '../../../src-shared/schemas/chat';
import { DomainError } from '../../domain-error';
import type { ChatRecord, MessageEditRecord, UserRecord } from '../../storage/records';
import type { HistoryEntry } from '../../storage/repositories';
import { ACCESS_REPOSITORIES } from '../access/ports';
import { assertMayRead, assertMayRemove, assertMayWrite } from '../access/room-access';
import { formerMember } from '../accounts/views';
import type { DomainDeps } from '../deps';
import { chatMessage, EVERY_MEMBER } from './message-view';

export const MESSAGE_CHANGE_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'chat',
  'messageEdits',
  'uploads',
] as const;

/**
 * What happens to a stored message afterwards: its author edits it; its
 * author or the room's moderator removes it. Each change is a small record
 * beside the message (the chat log is append-only), told to the room live.
 */
export class MessageChanges {
  constructor(private readonly deps: DomainDeps<(typeof MESSAGE_CHANGE_REPOSITORIES)[number]>) {}

  /** The author changes their message's text; everyone in the room sees it change. */
  async edit(actor: UserRecord, room: Room, seq: number, text: string): Promise<ChatMessage> {
    await assertMayWrite(this.deps.storage, actor, room);
    const entry = await this.storedMessage(room, seq);
    if (entry.entry.authorId !== actor.id)
      throw new DomainError('FORBIDDEN', 'You can edit only your own messages.');
    await this.assertNotRemoved(room, seq);
    const edit = await this.deps.storage.messageEdits.put({
      id: `${room}#${seq}`,
      text,
      deleted: false,
      editedAt: this.deps.now().toISOString(),
    });
    this.publishChange(room, entry, actor, edit);
    return chatMessage(room, entry, actor, edit, actor);
  }

  /**
   * Removes a message with its files: its author, or the room's moderator
   * (room-access.ts assertMayRemove), whose removal the room sees as such
   * and its author hears of.
   */
  async remove(actor: UserRecord, room: Room, seq: number): Promise<ChatMessage> {
    const { storage } = this.deps;
    // Readable first: a stranger learns nothing of which messages exist.
    await assertMayRead(storage, actor, room);
    const entry = await this.storedMessage(room, seq);
    const { authorId } = entry.entry;
    const as = await assertMayRemove(storage, actor, room, authorId);
    const before = await this.assertNotRemoved(room, seq);
    const edit = await storage.messageEdits.put({
      id: `${room}#${seq}`,
      text: '',
      deleted: true,
      editedAt: this.deps.now().toISOString(),
      ...(as === 'moderator' ? { removedBy: actor.id } : {}),
    });
    await storage.uploads.deleteMany(entry.entry.files.map((f) => f.id));
    const author =
      as === 'author' ? actor : ((await storage.users.get(authorId)) ?? formerMember(authorId));
    this.publishChange(room, entry, author, edit);
    if (as === 'moderator')
      this.deps.bus.publish('chat.message-removed', {
        room,
        seq,
        authorId,
        actorId: actor.id,
        text: before?.text ?? entry.entry.text,
      });
    return chatMessage(room, entry, author, edit, actor);
  }

  private async storedMessage(room: Room, seq: number): Promise<HistoryEntry<ChatRecord>> {
    const entry = await this.deps.storage.chat.get(room, seq);
    if (!entry) throw new DomainError('NOT_FOUND', 'This message does not exist.');
    return entry;
  }

  /** The message's current edit, if any; a removed message takes no more changes. */
  private async assertNotRemoved(room: Room, seq: number) {
    const current = await this.deps.storage.messageEdits.get(room, seq);
    if (current?.deleted) throw new DomainError('CONFLICT', 'This message was deleted.');
    return current;
  }

  private publishChange(
    room: Room,
    entry: HistoryEntry<ChatRecord>,
    author: UserRecord,
    edit: MessageEditRecord,
  ): void {
    this.deps.bus.publish('chat.message-changed', {
      room,
      seq: entry.seq,
      message: chatMessage(room, entry, author, edit, EVERY_MEMBER),
    });
  }
}
