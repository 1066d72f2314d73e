import { z } from 'zod';
import { route } from '../api-route';
import { pageQuerySchema, pageSchema } from '../pagination';
import {
  historyQuerySchema,
  messageSchema,
  openDirectRequestSchema,
  readMarkerRequestSchema,
  chatFileParamsSchema,
  roomParamsSchema,
  roomSchema,
  roomSummarySchema,
  sendMessageBodySchema,
} from '../schemas/chat';
import {
  notificationPageSchema,
  notificationParamsSchema,
  notificationQuerySchema,
} from '../schemas/notifications';

const unreadSchema = z.object({ unread: z.number().int() });

/** Chat rooms, direct messages and notifications. Live traffic flows over Socket.IO (src-shared/events.ts). */
export const chatRoutes = {
  chatRooms: route({
    method: 'get',
    path: '/chat/rooms',
    tag: 'chat',
    auth: 'user',
    summary: 'Your rooms (sessions, direct messages) with unread counts and who is online',
    query: pageQuerySchema,
    response: pageSchema(roomSummarySchema),
  }),
  chatRoom: route({
    method: 'get',
    path: '/chat/rooms/:room',
    tag: 'chat',
    auth: 'user',
    summary:
      'One room you may read: yours, or one you look into (an admin: any course or session chat)',
    params: roomParamsSchema,
    response: roomSummarySchema,
  }),
  openDirect: route({
    method: 'post',
    path: '/chat/direct',
    tag: 'chat',
    auth: 'user',
    summary: 'Open the conversation with someone you share a session or course with',
    body: openDirectRequestSchema,
    response: roomSummarySchema,
  }),
  chatHistory: route({
    method: 'get',
    path: '/chat/rooms/:room/messages',
    tag: 'chat',
    auth: 'user',
    summary: 'History, newest first, in pages: pass the oldest seq you have as `before`',
    params: roomParamsSchema,
    query: historyQuerySchema,
    response: z.object({ items: z.array(messageSchema), nextBefore: z.number().int().optional() }),
  }),
  sendMessage: route({
    method: 'post',
    path: '/chat/rooms/:room/messages',
    tag: 'chat',
    auth: 'user',
    successStatus: 201,
    summary:
      'Send a message (the socket event chat:send does the same); a resend with the same clientId is stored once',
    params: roomParamsSchema,
    body: sendMessageBodySchema,
    response: messageSchema,
  }),
  downloadChatFile: route({
    method: 'get',
    path: '/chat/rooms/:room/messages/:seq/files/:fileId',
    tag: 'chat',
    auth: 'user',
    summary:
      'Download a file attached to a message (people in the room; HTTP Range, ETag = sha256; `?inline=1` opens safe types)',
    params: chatFileParamsSchema,
    response: 'file',
  }),
  markRoomRead: route({
    method: 'post',
    path: '/chat/rooms/:room/read',
    tag: 'chat',
    auth: 'user',
    summary: 'Mark the room read up to seq; your other devices follow',
    params: roomParamsSchema,
    body: readMarkerRequestSchema,
    response: z.object({ room: roomSchema, readSeq: z.number().int() }),
  }),
  notifications: route({
    method: 'get',
    path: '/notifications',
    tag: 'notifications',
    auth: 'user',
    summary: 'Your notifications, newest first, with the unread count',
    query: notificationQuerySchema,
    response: notificationPageSchema,
  }),
  markNotificationRead: route({
    method: 'post',
    path: '/notifications/:seq/read',
    tag: 'notifications',
    auth: 'user',
    summary: 'Mark one notification read',
    params: notificationParamsSchema,
    response: unreadSchema,
  }),
  markAllNotificationsRead: route({
    method: 'post',
    path: '/notifications/read-all',
    tag: 'notifications',
    auth: 'user',
    summary: 'Mark every notification read',
    response: unreadSchema,
  }),
} as const;
