import type { z } from 'zod';
import type { UserId } from '../../../src-shared/ids';
import type { ChatMessage, Room, sendMessageRequestSchema } from '../../../src-shared/schemas/chat';
import { DomainError } from '../../domain-error';
import type { ChatRecord, UserRecord } from '../../storage/records';
import type { AppendedOnce, HistoryEntry } from '../../storage/repositories';
import { ACCESS_REPOSITORIES } from '../access/ports';
import type { DomainDeps } from '../deps';
import { claimUploads } from '../files/claim';
import { chatMessage, EVERY_MEMBER, messageRenderer } from './message-view';
import type { Admission, ChatControlsService } from './chat-controls';
import { MessageChanges } from './message-changes';
import { ReadPositions } from './read-positions';
import { assertMayRead, assertMayWrite } from '../access/room-access';

type SendMessage = z.output<typeof sendMessageRequestSchema>;

export const CHAT_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'chat',
  'messageEdits',
  'readMarkers',
  'uploads',
] as const;
type ChatRepository = (typeof CHAT_REPOSITORIES)[number];

/**
 * Chat: messages are appended to the room's stream in the chat log (a
 * message costs one line, however long the history); edits and deletions
 * are small records beside it. A resend with the same client id is stored once
 * (storage's appendOnce: the one way a message is stored). Which rooms a
 * person has, and how they look in the list, is chat-rooms.ts.
 */
export class ChatService {
  private readonly readPositions: ReadPositions;
  private readonly changes: MessageChanges;
  /**
   * Per room, the highest seq known to be stored: set by sends here and by look-ups. Rooms
   * get here only once someone allowed to read them marked or sent, so it holds real rooms only.
   */
  private readonly lastSeqs = new Map<Room, number>();

  constructor(
    private readonly deps: DomainDeps<ChatRepository>,
    /** A live class's quiet and slow modes; asked before anything is stored. */
    private readonly controls?: Pick<ChatControlsService, 'gate' | 'relaysTyping'>,
  ) {
    this.readPositions = new ReadPositions(deps.storage.readMarkers, deps.logger);
    this.changes = new MessageChanges(deps);
  }

  /**
   * The answer (an ack) means the message is stored; read positions follow in the background.
   * `device`: the connection sending it, which learns its own read position from the ack.
   * A resend (same client id, after a flaky reconnect, on whichever hub node) is answered with
   * the stored message — same seq and time — and tells no one anything new.
   */
  async send(
    actor: UserRecord,
    input: SendMessage,
    device?: string,
  ): Promise<{ message: ChatMessage; duplicate: boolean }> {
    await assertMayWrite(this.deps.storage, actor, input.room);
    const admit = await this.controls?.gate(actor, input.room);
    const owner = `chat:${input.room}:${input.clientId}`;
    let admission: Admission | undefined;
    let claimed = false;
    // What a message that was not stored after all (or was a resend) must give back.
    const giveBack = async () => {
      admission?.();
      if (claimed)
        await this.deps.storage.uploads.release(input.fileIds, owner).catch(() => undefined);
    };
    let sent: AppendedOnce;
    try {
      sent = await this.deps.storage.chat.appendOnce(
        input.room,
        { authorId: actor.id, clientId: input.clientId },
        async () => {
          // Synchronous up to the first await: slow mode is checked without another send between.
          admission = admit?.();
          await admission?.acrossNodes;
          const files = await claimUploads(this.deps.storage, actor.id, input.fileIds, owner);
          claimed = true;
          return { authorId: actor.id, clientId: input.clientId, text: input.text, files };
        },
      );
    } catch (error) {
      await giveBack();
      throw error;
    }
    if (sent.duplicate) {
      await giveBack();
      return { message: await this.toMessage(actor, input.room, sent.entry), duplicate: true };
    }
    const { entry } = sent;
    this.sawSeq(input.room, entry.seq);
    await this.advanceRead(actor.id, input.room, entry.seq, device);
    this.deps.bus.publish('chat.message-sent', {
      room: input.room,
      seq: entry.seq,
      authorId: actor.id,
      message: chatMessage(input.room, entry, actor, undefined, EVERY_MEMBER),
    });
    return { message: chatMessage(input.room, entry, actor, undefined, actor), duplicate: false };
  }

  /** The author changes their message's text (message-changes.ts). */
  edit(actor: UserRecord, room: Room, seq: number, text: string): Promise<ChatMessage> {
    return this.changes.edit(actor, room, seq, text);
  }

  /** Its author or the room's moderator removes a message (message-changes.ts). */
  remove(actor: UserRecord, room: Room, seq: number): Promise<ChatMessage> {
    return this.changes.remove(actor, room, seq);
  }

  async history(
    actor: UserRecord,
    room: Room,
    limit: number,
    before?: number,
  ): Promise<ChatMessage[]> {
    await assertMayRead(this.deps.storage, actor, room);
    const entries = await this.deps.storage.chat.page(room, limit, before);
    return Promise.all(entries.map((entry) => this.toMessage(actor, room, entry)));
  }

  /** Everything after `afterSeq`, oldest first: what a reconnecting client missed. */
  async since(
    actor: UserRecord,
    room: Room,
    afterSeq: number,
    limit: number,
  ): Promise<ChatMessage[]> {
    await assertMayRead(this.deps.storage, actor, room);
    const entries = await this.deps.storage.chat.since(room, afterSeq, limit);
    return Promise.all(entries.map((entry) => this.toMessage(actor, room, entry)));
  }

  async message(viewer: UserRecord, room: Room, seq: number): Promise<ChatMessage> {
    const entry = await this.deps.storage.chat.get(room, seq);
    if (!entry) throw new DomainError('NOT_FOUND', 'This message does not exist.');
    return this.toMessage(viewer, room, entry);
  }

  /** `device`: the connection reporting it, which is not told back (see the chat.read event). */
  async markRead(
    actor: UserRecord,
    room: Room,
    seq: number,
    device?: string,
  ): Promise<{ room: Room; readSeq: number }> {
    // First: a marker answers with the room's length, and one per invented room would grow without end.
    await assertMayRead(this.deps.storage, actor, room);
    return this.markReadAsMember(actor.id, room, seq, device);
  }

  /** Typing is relayed unless the room's class chat has typing indicators off (chat controls). */
  async relaysTyping(room: Room): Promise<boolean> {
    return this.controls ? this.controls.relaysTyping(room) : true;
  }

  /**
   * The same, for a caller that already knows this person may read the room:
   * a connection in the room's channel, which membership (realtime/membership.ts)
   * joins only after this same check and leaves the moment access ends. A class
   * answers every message with a receipt each, so this skips the look-ups.
   */
  async markReadAsMember(
    userId: UserId,
    room: Room,
    seq: number,
    device?: string,
  ): Promise<{ room: Room; readSeq: number }> {
    return { room, readSeq: await this.advanceRead(userId, room, seq, device) };
  }

  /** Moves a read position forward (never past the last message); the person's devices hear at once. */
  private async advanceRead(
    userId: UserId,
    room: Room,
    seq: number,
    device?: string,
  ): Promise<number> {
    const current = await this.readPositions.get(userId, room);
    const wanted = Math.max(seq, current ?? 0);
    // A room's last seq only grows: a position at or below one already seen needs no look-up
    // (on PostgreSQL that look-up was a query per receipt, 2,000 a second in a class of 200).
    const readSeq =
      wanted <= this.lastSeen(room) ? wanted : Math.min(await this.lastSeq(room), wanted);
    if (readSeq !== current) {
      this.readPositions.set(userId, room, readSeq);
      this.deps.bus.publish('chat.read', {
        userId,
        room,
        readSeq,
        ...(device === undefined ? {} : { device }),
      });
    }
    return readSeq;
  }

  /** The highest seq this hub has seen stored in the room (0: none yet); never above its real last. */
  private lastSeen(room: Room): number {
    return this.lastSeqs.get(room) ?? 0;
  }

  private async lastSeq(room: Room): Promise<number> {
    const last = await this.deps.storage.chat.lastSeq(room);
    this.sawSeq(room, last);
    return last;
  }

  private sawSeq(room: Room, seq: number): void {
    if (seq > this.lastSeen(room)) this.lastSeqs.set(room, seq);
  }

  /** How far a person has read a room (undefined: never opened it), including positions not yet written. */
  readPositionOf(userId: UserId, room: Room): Promise<number | undefined> {
    return this.readPositions.get(userId, room);
  }

  /** Writes read positions still in memory (shutdown). */
  close(): Promise<void> {
    return this.readPositions.close();
  }

  private async toMessage(
    viewer: UserRecord,
    room: Room,
    entry: HistoryEntry<ChatRecord>,
  ): Promise<ChatMessage> {
    return (await messageRenderer(this.deps.storage, room, entry))(viewer);
  }
}
