import type { SyncResult } from '../../src-shared/events';
import type { UserId } from '../../src-shared/ids';
import {
  editMessageRequestSchema,
  messageRefSchema,
  syncRequestSchema,
  typingRequestSchema,
  sendMessageRequestSchema,
  type Room,
} from '../../src-shared/schemas/chat';
import { DomainError } from '../domain-error';
import type { AccessService, Person } from '../domains/access/access-service';
import type { ChatService } from '../domains/chat/chat-service';
import type { SocketWriteLimits } from '../domains/limits/socket-write-limits';
import type { Presence } from '../domains/chat/presence';
import type { NotificationService } from '../domains/notifications/notification-service';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import { parsePayload, responder } from './respond';
import { chatTargets, userRoom } from './rooms';
import type { HubSocket, HubSocketServer } from './socket-server';

/** Most a reconnecting client gets per answer; `more: true` asks it to sync again. */
const SYNC_BATCH = 500;
/** A read position may be 0 (nothing read); built once, not per receipt. */
const readRequestSchema = messageRefSchema.extend({ seq: messageRefSchema.shape.seq.min(0) });

export interface ChatDeliveryServices {
  readonly chat: ChatService;
  readonly notifications: NotificationService;
  readonly access: AccessService;
  readonly userOf: (id: UserId) => Promise<Person | undefined>;
  /** Write budgets per person, held across every hub node. */
  readonly writeLimits: SocketWriteLimits;
  /** Whether a person has devices on other hub nodes (clustered): receipts are relayed only then. */
  readonly presence?: Pick<Presence, 'onOtherNodes'>;
}

/**
 * Chat and notifications over Socket.IO. Every request is validated and
 * authorised by the services on each call. Messages go out once stored, as
 * one packet per room: who is in a room was decided when they joined it
 * (membership.ts), so delivery looks nothing up.
 */
export function deliverChat(
  io: HubSocketServer,
  bus: EventBus,
  { chat, notifications, access, userOf, writeLimits, presence }: ChatDeliveryServices,
  logger: Logger,
  clustered = false,
): void {
  const respond = responder(logger);
  const actorOf = async (socket: HubSocket): Promise<Person> => {
    const user = await userOf(socket.data.userId);
    if (!user) throw new DomainError('TOKEN_REVOKED', 'This account no longer exists.');
    return user;
  };
  // Per person, not per connection or node: opening more tabs buys no more writes.
  // The count (a database round trip on PostgreSQL) runs beside the look-up of the
  // person, not before it: a write waits for the slower of the two, not their sum.
  const limitedActor = async (socket: HubSocket): Promise<Person> =>
    (await Promise.all([writeLimits.chatWrite(socket.data.userId), actorOf(socket)]))[1];
  const handle = <T>(ack: unknown, work: () => Promise<T>) => void respond(ack, work);

  io.on('connection', (socket) => {
    socket.on('chat:send', (request, ack) =>
      handle(ack, async () => {
        const input = parsePayload(sendMessageRequestSchema, request);
        return (await chat.send(await limitedActor(socket), input, socket.id)).message;
      }),
    );
    socket.on('chat:edit', (request, ack) =>
      handle(ack, async () => {
        const { room, seq, text } = parsePayload(editMessageRequestSchema, request);
        return chat.edit(await limitedActor(socket), room, seq, text);
      }),
    );
    socket.on('chat:delete', (request, ack) =>
      handle(ack, async () => {
        const { room, seq } = parsePayload(messageRefSchema, request);
        return chat.remove(await limitedActor(socket), room, seq);
      }),
    );
    socket.on('chat:read', (request, ack) =>
      handle(ack, async () => {
        const { room, seq } = parsePayload(readRequestSchema, request);
        // In the room's channel: authorised when it joined, out the moment access ends
        // (membership.ts), so a class's receipts cost no look-ups. Anything else (a
        // conversation, whose traffic goes to personal channels) takes the full check.
        if (socket.rooms.has(room))
          return chat.markReadAsMember(socket.data.userId, room, seq, socket.id);
        return chat.markRead(await actorOf(socket), room, seq, socket.id);
      }),
    );
    socket.on('chat:typing', (request) =>
      handle(undefined, async () => {
        const { room } = parsePayload(typingRequestSchema, request);
        if (!(await writeLimits.typingDue(socket.data.userId, room))) return;
        const actor = await actorOf(socket);
        await access.mayWriteRoom(actor, room);
        if (!(await chat.relaysTyping(room))) return; // the teacher cleared the typing noise
        const event = { room, userId: actor.id, name: actor.firstName };
        socket.to(chatTargets(room)).emit('chat:typing', event);
      }),
    );
    socket.on('sync', (request, ack) =>
      handle(ack, async () =>
        sync(await actorOf(socket), parsePayload(syncRequestSchema, request)),
      ),
    );
  });

  async function sync(
    actor: Person,
    request: { rooms: Record<string, number>; notificationsSeq?: number | undefined },
  ): Promise<SyncResult> {
    const result: SyncResult = { messages: [], notifications: [], lostRooms: [], more: false };
    for (const [room, afterSeq] of Object.entries(request.rooms) as [Room, number][]) {
      try {
        const missed = await chat.since(actor, room, afterSeq, SYNC_BATCH);
        result.messages.push(...missed);
        if (missed.length === SYNC_BATCH) result.more = true;
      } catch {
        result.lostRooms.push(room);
      }
    }
    if (request.notificationsSeq !== undefined) {
      const seen = request.notificationsSeq;
      const page = await notifications.page(actor, SYNC_BATCH);
      result.notifications = page.items.filter((n) => n.seq > seen).reverse();
      if (page.items.length === SYNC_BATCH && page.items.every((n) => n.seq > seen))
        result.more = true;
    }
    return result;
  }

  // One encoded packet per room: every member may see the same view (no emails in it).
  bus.on('chat.message-sent', ({ room, message }) => {
    io.to(chatTargets(room)).emit('chat:message', message);
  });
  bus.on('chat.message-changed', ({ room, message }) => {
    io.to(chatTargets(room)).emit('chat:message-updated', message);
  });
  // The device that sent the receipt moved its own marker (and hears the ack): only the
  // person's other devices are told. In a busy room this halves the packets receipts cost.
  bus.on('chat.read', ({ userId, room, readSeq, device }) => {
    // One device open (the usual case): nobody to tell, so nothing is encoded. With several
    // nodes, a relay also costs a PostgreSQL NOTIFY per receipt (2,000 a second in a class of
    // 200), so it is sent only when presence gossip says the person is connected elsewhere.
    const open = io.sockets.adapter.rooms.get(userRoom(userId))?.size ?? 0;
    const elsewhere = clustered && (presence?.onOtherNodes(userId) ?? true);
    if (!elsewhere && (open === 0 || (open === 1 && device !== undefined))) return;
    const devices = io.to(userRoom(userId));
    (device === undefined ? devices : devices.except(device)).emit('chat:read', { room, readSeq });
  });
  bus.on('notification.created', ({ userId, notification }) => {
    io.to(userRoom(userId)).emit('notification:new', notification);
  });
  bus.on('notification.read', ({ userId, unread }) => {
    io.to(userRoom(userId)).emit('notification:read', { unread });
  });
}
