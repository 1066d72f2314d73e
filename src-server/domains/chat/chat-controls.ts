import { z } from 'zod';
import type {
  ChatControls,
  PinnedMessage,
  updateChatControlsRequestSchema,
} from '../../../src-shared/schemas/class-tools/chat-controls';
import type { Room } from '../../../src-shared/schemas/chat';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import { DomainError } from '../../domain-error';
import type { UserRecord } from '../../storage/records';
import { assertTeacher } from '../access/class-access';
import { ACCESS_REPOSITORIES } from '../access/ports';
import { parseRoom } from '../access/room-access';
import { sessionAccess } from '../access/session-access';
import { stateOf, toolRecord, toolRecordId } from '../class-tools/tool-state';
import type { DomainDeps } from '../deps';
import { EVERY_MEMBER, messageRenderer } from './message-view';

export const CHAT_CONTROL_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'classTools',
  'chat',
  'messageEdits',
  'coordination',
] as const;

type Change = z.output<typeof updateChatControlsRequestSchema>;

export const CHAT_CONTROLS_TOOL = 'chat-controls';
const TOOL = CHAT_CONTROLS_TOOL;
const KEY = 'controls';
const controlsStateSchema = z.object({
  quiet: z.boolean(),
  slowModeSeconds: z.number().int(),
  // Stored before typing could be turned off: on.
  typing: z.boolean().default(true),
  pinned: z.object({ seq: z.number().int(), pinnedAt: z.string() }).nullable(),
});
type ControlsState = z.infer<typeof controlsStateSchema>;
const OFF: ControlsState = { quiet: false, slowModeSeconds: 0, typing: true, pinned: null };

/**
 * Undoes a slow-mode admission when the message was not stored after all
 * (full disk…). `acrossNodes`: on several hub nodes, the shared check, which
 * the message waits for before it is stored; it rejects when the student
 * posted on another node too recently.
 */
export type Admission = (() => void) & { readonly acrossNodes?: Promise<void> };

/**
 * A live class's chat controls (the `session:<id>` room): quiet mode (only
 * the teacher posts), slow mode (a student posts once per N seconds) and one
 * pinned message. They are stored with the class tools, so a restarted hub
 * keeps them, and enforced by ChatService on every send — REST, socket and
 * the desktop outbox's replay alike. When a student last posted is kept in
 * memory: a restart forgets it, which at worst lets one message through early.
 * Hub nodes sharing a database also keep it there (a turn per room and
 * student, storage.coordination.turns, timed by the hub's clock), so a
 * student cannot hop nodes to post faster.
 */
function slowModeRefusal(seconds: number, waitMs: number): DomainError {
  const wait = Math.max(1, Math.ceil(waitMs / 1000));
  return new DomainError(
    'TOO_MANY_REQUESTS',
    `Slow mode is on: one message every ${seconds} seconds. Wait ${wait} more ${wait === 1 ? 'second' : 'seconds'}.`,
    { retryAfterSeconds: wait },
  );
}

export class ChatControlsService {
  /** `<room>|<userId>` → when their last message was admitted (ms). */
  private readonly lastPost = new Map<string, number>();

  constructor(private readonly deps: DomainDeps<(typeof CHAT_CONTROL_REPOSITORIES)[number]>) {}

  async controls(actor: UserRecord, sessionId: SessionId): Promise<ChatControls> {
    await sessionAccess(this.deps.storage, actor, sessionId);
    return this.view(sessionId, await this.state(sessionId));
  }

  async update(actor: UserRecord, sessionId: SessionId, change: Change): Promise<ChatControls> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertTeacher(access, 'change the chat’s quiet mode, slow mode or typing indicators');
    const current = await this.state(sessionId);
    return this.store(sessionId, {
      ...current,
      ...(change.quiet === undefined ? {} : { quiet: change.quiet }),
      ...(change.slowModeSeconds === undefined ? {} : { slowModeSeconds: change.slowModeSeconds }),
      ...(change.typing === undefined ? {} : { typing: change.typing }),
    });
  }

  async pin(actor: UserRecord, sessionId: SessionId, seq: number): Promise<ChatControls> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertTeacher(access, 'pin a message');
    const message = await this.message(sessionId, seq);
    if (!message || message.deleted)
      throw new DomainError(
        'NOT_FOUND',
        'This message is not in the class chat (it may have been deleted).',
      );
    const current = await this.state(sessionId);
    return this.store(sessionId, {
      ...current,
      pinned: { seq, pinnedAt: this.deps.now().toISOString() },
    });
  }

  async unpin(actor: UserRecord, sessionId: SessionId): Promise<ChatControls> {
    const access = await sessionAccess(this.deps.storage, actor, sessionId);
    assertTeacher(access, 'unpin a message');
    return this.store(sessionId, { ...(await this.state(sessionId)), pinned: null });
  }

  /**
   * Asked by ChatService before a message is stored: reads the room's
   * controls and answers the check to run at the moment of storing. That
   * check is synchronous, so it sits between the resend check and the
   * append without letting another send interleave; a resend of a stored
   * message is answered before it and is never refused. The teacher is
   * never held back.
   */
  async gate(actor: UserRecord, room: Room): Promise<() => Admission> {
    const open = () => () => undefined;
    const parsed = parseRoom(room);
    if (parsed.kind !== 'session') return open;
    const state = await this.state(parsed.sessionId);
    if (!state.quiet && state.slowModeSeconds === 0) return open;
    const session = await this.deps.storage.sessions.get(parsed.sessionId);
    if (!session || session.hostId === actor.id) return open;
    return () => {
      if (state.quiet)
        throw new DomainError(
          'CONFLICT',
          'Quiet mode is on: only the teacher can post in this class’s chat right now.',
        );
      return this.admitSlowly(`${room}|${actor.id}`, state.slowModeSeconds);
    };
  }

  /**
   * Whether the hub relays typing in this room: everywhere but a class chat
   * whose teacher turned typing indicators off (for everyone, the teacher too:
   * the point is a quiet screen). Asked once per throttled typing event.
   */
  async relaysTyping(room: Room): Promise<boolean> {
    const parsed = parseRoom(room);
    if (parsed.kind !== 'session') return true;
    return (await this.state(parsed.sessionId)).typing;
  }

  private admitSlowly(key: string, seconds: number): Admission {
    const now = this.deps.now().getTime();
    const last = this.lastPost.get(key);
    const waitMs = last === undefined ? 0 : last + seconds * 1000 - now;
    if (waitMs > 0) throw slowModeRefusal(seconds, waitMs);
    this.lastPost.set(key, now);
    const turnKey = `slow-mode|${key}|${seconds}`;
    const acrossNodes = this.admitAcrossNodes(turnKey, seconds, now);
    const undo = () => {
      // Given back only if it was taken here; a refusal took nothing.
      void acrossNodes
        ?.then((until) => this.deps.storage.coordination.turns.giveBack(turnKey, until))
        .catch(() => undefined);
      if (this.lastPost.get(key) !== now) return;
      if (last === undefined) this.lastPost.delete(key);
      else this.lastPost.set(key, last);
    };
    return Object.assign(
      undo,
      acrossNodes ? { acrossNodes: acrossNodes.then(() => undefined) } : {},
    );
  }

  /**
   * The turn every node shares, on the hub's clock (so a moved test clock
   * opens the next window on PostgreSQL too). Resolves with when it ends.
   */
  private admitAcrossNodes(key: string, seconds: number, now: number): Promise<number> | undefined {
    const { coordination } = this.deps.storage;
    if (!coordination.shared) return undefined;
    return coordination.turns.take(key, seconds * 1000, now).then((turn) => {
      if (!turn.taken) throw slowModeRefusal(seconds, turn.waitMs);
      return turn.until;
    });
  }

  private async state(sessionId: SessionId): Promise<ControlsState> {
    const record = await this.deps.storage.classTools.get(toolRecordId(sessionId, TOOL, KEY));
    return record ? stateOf(controlsStateSchema, record) : OFF;
  }

  private async store(sessionId: SessionId, state: ControlsState): Promise<ChatControls> {
    await this.deps.storage.classTools.put(
      toolRecord(sessionId, TOOL, KEY, state, this.deps.now()),
    );
    // Turning slow mode off (or changing it) starts everyone afresh.
    for (const key of this.lastPost.keys())
      if (key.startsWith(`session:${sessionId}|`)) this.lastPost.delete(key);
    const controls = await this.view(sessionId, state);
    this.deps.bus.publish('chat-controls.changed', { controls });
    return controls;
  }

  private async message(sessionId: SessionId, seq: number) {
    const room = `session:${sessionId}` as Room;
    const entry = await this.deps.storage.chat.get(room, seq);
    if (!entry) return undefined;
    return (await messageRenderer(this.deps.storage, room, entry))(EVERY_MEMBER);
  }

  /** The same view for everyone in the class; a pinned message deleted since is no longer shown. */
  private async view(sessionId: SessionId, state: ControlsState): Promise<ChatControls> {
    let pinned: PinnedMessage | null = null;
    if (state.pinned) {
      const message = await this.message(sessionId, state.pinned.seq);
      if (message && !message.deleted)
        pinned = {
          seq: message.seq,
          text: message.text,
          author: message.author,
          createdAt: message.createdAt,
          pinnedAt: state.pinned.pinnedAt,
        };
    }
    const session = await this.deps.storage.sessions.get(sessionId);
    return {
      sessionId,
      teacherId: session!.hostId,
      quiet: state.quiet,
      slowModeSeconds: state.slowModeSeconds,
      typing: state.typing,
      pinned,
    };
  }
}
