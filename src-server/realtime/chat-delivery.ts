import { RateLimiterMemory } from 'rate-limiter-flexible';
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
import type { ChatService } from '../domains/chat/chat-service';
import { assertMayRead, parseRoom } from '../domains/access/room-access';
import { placesOf } from '../domains/access/places';
import type { NotificationService } from '../domains/notifications/notification-service';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import type { UserRecord } from '../storage/records';
import type { Storage } from '../storage/repositories';
import { parsePayload, responder } from './respond';
import { courseRoom, sessionRoom, userRoom } from './rooms';
import type { HubSocket, HubSocketServer } from './socket-server';

/** Most a reconnecting client gets per answer; `more: true` asks it to sync again. */
const SYNC_BATCH = 500;
const TYPING_EVERY_MS = 2000;

/**
 * Chat, presence and notifications over Socket.IO. Every request is
 * validated and authorised by the chat service on each call; messages go
 * out only after they are stored, built for each recipient.
 */
export function deliverChat(
  io: HubSocketServer,
  bus: EventBus,
  storage: Storage,
  chat: ChatService,
  notifications: NotificationService,
  logger: Logger,
): void {
  const respond = responder(logger);
  const writes = new RateLimiterMemory({ points: 30, duration: 10 });
  const lastTyping = new Map<string, number>();

  const actorOf = async (socket: HubSocket): Promise<UserRecord> => {
    const user = await storage.users.get(socket.data.userId);
    if (!user) throw new DomainError('TOKEN_REVOKED', 'This account no longer exists.');
    return user;
  };
  const limited = async (socket: HubSocket) => {
    await writes.consume(socket.id).catch(() => {
      throw new DomainError('TOO_MANY_REQUESTS', 'You are sending too fast. Wait a few seconds.');
    });
  };

  // Rooms are joined before the handshake completes, so nothing sent right after "connect" is missed.
  io.use((socket, next) => {
    joinRooms(socket).then(() => next(), next);
  });
  async function joinRooms(socket: HubSocket): Promise<void> {
    const user = await storage.users.get(socket.data.userId);
    const places = user && (await placesOf(storage, user));
    if (places)
      await socket.join([
        ...places.sessions.map((s) => sessionRoom(s.id)),
        ...places.courses.map((c) => courseRoom(c.id)),
      ]);
  }

  io.on('connection', async (socket) => {
    const userId = socket.data.userId;
    const count = (chat.online.get(userId) ?? 0) + 1;
    chat.online.set(userId, count);
    if (count === 1) await announcePresence(userId, true);
    socket.on('disconnect', () => {
      const left = (chat.online.get(userId) ?? 1) - 1;
      if (left > 0) chat.online.set(userId, left);
      else {
        chat.online.delete(userId);
        void announcePresence(userId, false);
      }
    });

    socket.on(
      'chat:send',
      (request, ack) =>
        void respond(ack, async () => {
          await limited(socket);
          return (
            await chat.send(await actorOf(socket), parsePayload(sendMessageRequestSchema, request))
          ).message;
        }),
    );
    socket.on(
      'chat:edit',
      (request, ack) =>
        void respond(ack, async () => {
          await limited(socket);
          const { room, seq, text } = parsePayload(editMessageRequestSchema, request);
          return chat.edit(await actorOf(socket), room, seq, text);
        }),
    );
    socket.on(
      'chat:delete',
      (request, ack) =>
        void respond(ack, async () => {
          await limited(socket);
          const { room, seq } = parsePayload(messageRefSchema, request);
          return chat.edit(await actorOf(socket), room, seq, undefined);
        }),
    );
    socket.on(
      'chat:read',
      (request, ack) =>
        void respond(ack, async () => {
          const { room, seq } = parsePayload(
            messageRefSchema.extend({ seq: messageRefSchema.shape.seq.min(0) }),
            request,
          );
          return chat.markRead(await actorOf(socket), room, seq);
        }),
    );
    socket.on(
      'chat:typing',
      (request) =>
        void respond(undefined, async () => {
          const { room } = parsePayload(typingRequestSchema, request);
          const key = `${socket.id}|${room}`;
          const now = Date.now();
          if (now - (lastTyping.get(key) ?? 0) < TYPING_EVERY_MS) return;
          lastTyping.set(key, now);
          const actor = await actorOf(socket);
          await chat.summary(actor, room); // authorises
          const event = { room, userId: actor.id, name: actor.firstName };
          for (const target of recipientsOf(room)) socket.to(target).emit('chat:typing', event);
        }),
    );
    socket.on(
      'sync',
      (request, ack) =>
        void respond(ack, async () =>
          sync(await actorOf(socket), parsePayload(syncRequestSchema, request)),
        ),
    );
  });

  async function sync(
    actor: UserRecord,
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
      const page = await notifications.page(actor, SYNC_BATCH);
      result.notifications = page.items.filter((n) => n.seq > request.notificationsSeq!).reverse();
      if (
        page.items.length === SYNC_BATCH &&
        page.items.every((n) => n.seq > request.notificationsSeq!)
      )
        result.more = true;
    }
    return result;
  }

  /** Session rooms go to the room; a conversation goes to both people's devices. */
  function recipientsOf(room: Room): string[] {
    const parsed = parseRoom(room);
    return parsed.kind === 'dm' ? parsed.userIds.map(userRoom) : [room];
  }

  /** Each recipient is checked again (membership may have ended a moment ago), then sent their view. */
  async function deliver(
    room: Room,
    seq: number,
    event: 'chat:message' | 'chat:message-updated',
  ): Promise<void> {
    const render = await chat.messageRenderer(room, seq);
    for (const remote of await io.in(recipientsOf(room)).fetchSockets()) {
      const socket = io.sockets.sockets.get(remote.id);
      const user = socket && (await storage.users.get(socket.data.userId));
      if (!socket || !user) continue;
      try {
        await assertMayRead(storage, user, room);
        socket.emit(event, render(user));
      } catch {
        if (room.startsWith('session:')) await socket.leave(room);
      }
    }
  }

  async function announcePresence(userId: UserId, online: boolean): Promise<void> {
    const user = await storage.users.get(userId);
    const places = user && (await placesOf(storage, user));
    const rooms = places
      ? [
          ...places.sessions.map((s) => sessionRoom(s.id)),
          ...places.courses.map((c) => courseRoom(c.id)),
        ]
      : [];
    const peers = (await storage.readMarkers.listForUser(userId))
      .filter((m) => m.stream.startsWith('dm:'))
      .map((m) => parseRoom(m.stream as Room))
      .flatMap((p) =>
        p.kind === 'dm' ? p.userIds.filter((id) => id !== userId).map(userRoom) : [],
      );
    if (rooms.length + peers.length > 0)
      io.to([...rooms, ...peers]).emit('presence:changed', { userId, online });
  }

  // A course room follows enrolment at once: in when active, out when blocked, dropped or removed.
  bus.on('enrolment.created', ({ enrolment }) => {
    io.in(userRoom(enrolment.userId)).socketsJoin(courseRoom(enrolment.courseId));
  });
  bus.on('enrolment.changed', ({ enrolment }) => {
    const sockets = io.in(userRoom(enrolment.userId));
    if (enrolment.status === 'active') sockets.socketsJoin(courseRoom(enrolment.courseId));
    else sockets.socketsLeave(courseRoom(enrolment.courseId));
  });
  bus.on('enrolment.removed', ({ enrolment }) => {
    io.in(userRoom(enrolment.userId)).socketsLeave(courseRoom(enrolment.courseId));
  });
  bus.on('course.created', ({ course }) => {
    io.in(userRoom(course.teacherId)).socketsJoin(courseRoom(course.id));
  });

  bus.on('chat.message-sent', ({ room, seq }) => deliver(room, seq, 'chat:message'));
  bus.on('chat.message-changed', ({ room, seq }) => deliver(room, seq, 'chat:message-updated'));
  bus.on('chat.read', ({ userId, room, readSeq }) => {
    io.to(userRoom(userId)).emit('chat:read', { room, readSeq });
  });
  bus.on('notification.created', ({ userId, notification }) => {
    io.to(userRoom(userId)).emit('notification:new', notification);
  });
  bus.on('notification.read', ({ userId, unread }) => {
    io.to(userRoom(userId)).emit('notification:read', { unread });
  });
}
