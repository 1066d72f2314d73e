import type { ChatMessage, Room, RoomSummary } from '../../../src-shared/schemas/chat';
import type { StoredFile } from '../../../src-shared/schemas/files';
import { createStore } from '../../app/createStore';
import { mergeMessages } from './messages';
import { roomAfterMessage, roomAfterRead } from './room-list';

/** One room's loaded history: a contiguous run, oldest first. */
export interface Conversation {
  messages: readonly ChatMessage[];
  /** The hub has messages older than the first loaded one. */
  hasOlder: boolean;
  status: 'loading' | 'ready' | 'failed';
  error?: unknown;
  loadingOlder: boolean;
}

/** A message on its way: shown as pending until the hub's ack says it is stored. */
export interface Outgoing {
  clientId: string;
  room: Room;
  text: string;
  files: readonly StoredFile[];
  status: 'sending' | 'failed';
  error?: unknown;
  createdAt: string;
}

export interface TypingPerson {
  userId: string;
  name: string;
  /** Epoch ms after which the indicator goes away unless refreshed. */
  until: number;
}

export interface ChatState {
  rooms: readonly RoomSummary[];
  roomsStatus: 'idle' | 'loading' | 'ready' | 'failed';
  roomsError: unknown;
  conversations: Readonly<Record<string, Conversation>>;
  outbox: readonly Outgoing[];
  typing: Readonly<Record<string, readonly TypingPerson[]>>;
  /** Unsent text per room, so switching rooms keeps what you were writing. */
  drafts: Readonly<Record<string, string>>;
  /** Who is connected, from room summaries and presence:changed. */
  online: Readonly<Record<string, boolean>>;
  /** The room on screen, if any (read markers and "typing" apply to it). */
  viewing: Room | undefined;
  /** The room on screen became unreadable (removed, blocked, deleted). */
  lostRoom: Room | undefined;
  /** Chats opened without being in them (an admin looking in): read-only, not in `rooms`. */
  lookedIn: Readonly<Record<string, RoomSummary>>;
}

const initial: ChatState = {
  rooms: [],
  roomsStatus: 'idle',
  roomsError: undefined,
  conversations: {},
  outbox: [],
  typing: {},
  drafts: {},
  online: {},
  viewing: undefined,
  lostRoom: undefined,
  lookedIn: {},
};

/** Rooms, loaded histories, the outbox, typing and presence: server data kept fresh by chat-live.ts. */
export const chatStore = createStore<ChatState>(initial);

export function updateConversation(room: string, change: (c: Conversation) => Conversation): void {
  chatStore.set((s) => {
    const current = s.conversations[room];
    return current ? { conversations: { ...s.conversations, [room]: change(current) } } : {};
  });
}

/** Adds messages of any rooms (live, acks, catch-up) to the histories that are loaded. */
export function addMessages(messages: readonly ChatMessage[], myId: string | undefined): void {
  if (messages.length === 0) return;
  chatStore.set((s) => {
    const conversations = { ...s.conversations };
    const byRoom = new Map<string, ChatMessage[]>();
    for (const m of messages) byRoom.set(m.room, [...(byRoom.get(m.room) ?? []), m]);
    for (const [room, list] of byRoom) {
      const current = conversations[room];
      if (current?.status !== 'ready') continue;
      // An edit of a message above the loaded run would open a hole that paging up skips: leave
      // it for the page that brings it.
      const oldest = current.hasOlder ? (current.messages[0]?.seq ?? 0) : 0;
      const fitting = list.filter((m) => m.seq >= oldest);
      conversations[room] = { ...current, messages: mergeMessages(current.messages, fitting) };
    }
    const authors = new Set(messages.map((m) => `${m.room}|${m.author.id}`));
    const typing = { ...s.typing };
    for (const room of byRoom.keys()) {
      typing[room] = (typing[room] ?? []).filter((p) => !authors.has(`${room}|${p.userId}`));
    }
    const stored = new Set(messages.filter((m) => m.author.id === myId).map((m) => m.clientId));
    return {
      conversations,
      typing,
      outbox: s.outbox.filter((o) => !stored.has(o.clientId)),
      rooms: s.rooms.map((room) =>
        (byRoom.get(room.room) ?? []).reduce((r, m) => roomAfterMessage(r, m, myId), room),
      ),
    };
  });
}

export function setDraft(room: string, text: string): void {
  chatStore.set((s) => ({ drafts: { ...s.drafts, [room]: text } }));
}

export function applyRead(room: string, readSeq: number): void {
  chatStore.set((s) => ({
    rooms: s.rooms.map((r) => (r.room === room ? roomAfterRead(r, readSeq) : r)),
  }));
}

/** The room is gone for this person: forget it, and say so if it is on screen. */
export function loseRoom(room: Room): void {
  chatStore.set((s) => {
    const conversations = { ...s.conversations };
    delete conversations[room];
    return {
      rooms: s.rooms.filter((r) => r.room !== room),
      conversations,
      outbox: s.outbox.filter((o) => o.room !== room),
      lostRoom: s.viewing === room ? room : s.lostRoom,
    };
  });
}

export function setOutgoing(clientId: string, change: Partial<Outgoing> | undefined): void {
  chatStore.set((s) => ({
    outbox: change
      ? s.outbox.map((o) => (o.clientId === clientId ? { ...o, ...change } : o))
      : s.outbox.filter((o) => o.clientId !== clientId),
  }));
}

/** Someone is typing in a room: shown until `until`, or until their message arrives. */
export function addTyping(room: string, person: TypingPerson): void {
  chatStore.set((s) => ({
    typing: {
      ...s.typing,
      [room]: [...(s.typing[room] ?? []).filter((p) => p.userId !== person.userId), person],
    },
  }));
}

export function expireTyping(now: number): void {
  const { typing } = chatStore.get();
  if (!Object.values(typing).some((list) => list.some((p) => p.until <= now))) return;
  chatStore.set({
    typing: Object.fromEntries(
      Object.entries(typing).map(([room, list]) => [room, list.filter((p) => p.until > now)]),
    ),
  });
}
