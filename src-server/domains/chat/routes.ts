import type { HandlersFor } from '../handlers';
import type { NotificationService } from '../notifications/notification-service';
import type { ChatService } from './chat-service';
import type { ChatRooms } from './chat-rooms';
import { pageOfList } from '../paging';
import type { ChatFiles } from './chat-files';

export function chatRoutes(
  chat: ChatService,
  rooms: ChatRooms,
  notifications: NotificationService,
  files: ChatFiles,
): HandlersFor<
  | 'chatRooms'
  | 'chatRoom'
  | 'openDirect'
  | 'chatHistory'
  | 'sendMessage'
  | 'markRoomRead'
  | 'downloadChatFile'
  | 'notifications'
  | 'markNotificationRead'
  | 'markAllNotificationsRead'
> {
  return {
    chatRooms: async ({ auth, query }) => pageOfList(await rooms.of(auth.user), query),
    chatRoom: ({ auth, params }) => rooms.one(auth.user, params.room),
    openDirect: ({ auth, body }) => rooms.openDirect(auth.user, body.userId),
    chatHistory: async ({ auth, params, query }) => {
      const items = await chat.history(auth.user, params.room, query.limit, query.before);
      const oldest = items.at(-1)?.seq;
      return { items, ...(oldest !== undefined && oldest > 1 ? { nextBefore: oldest } : {}) };
    },
    sendMessage: async ({ auth, params, body }) =>
      (await chat.send(auth.user, { ...body, room: params.room })).message,
    downloadChatFile: ({ auth, params }) =>
      files.download(auth.user, params.room, params.seq, params.fileId),
    markRoomRead: ({ auth, params, body }) => chat.markRead(auth.user, params.room, body.seq),
    notifications: ({ auth, query }) => notifications.page(auth.user, query.limit, query.before),
    markNotificationRead: ({ auth, params }) => notifications.markRead(auth.user, params.seq),
    markAllNotificationsRead: ({ auth }) => notifications.markRead(auth.user),
  };
}
