import type { UserId } from '../../../src-shared/ids';
import type { EventBus } from '../../events/bus';
import type { Storage } from '../../storage/repositories';
import { parseRoom } from '../access/room-access';
import { excerpt } from './excerpt';
import type { Notify } from './notification-events';

/**
 * The notifications chat causes: a direct message to the other person, and
 * a message removed by the room's moderator to its author.
 */
export function subscribeChatNotifications(
  bus: EventBus,
  storage: Pick<Storage, 'chat' | 'courses'>,
  notify: Notify,
  names: { name(id: UserId): Promise<string>; sessionTitle(id: string): Promise<string> },
): void {
  const { name, sessionTitle } = names;
  // The author hears of a message the room's teacher, host or an admin removed, as of a removed post.
  bus.on('chat.message-removed', async ({ room, seq, authorId, actorId, text }) => {
    const parsed = parseRoom(room);
    if (parsed.kind === 'dm') return; // a conversation has no moderator
    let roomTitle: string;
    if (parsed.kind === 'session') roomTitle = await sessionTitle(parsed.sessionId);
    else {
      const course = await storage.courses.get(parsed.courseId);
      roomTitle = course ? `${course.code} · ${course.title}` : '';
    }
    await notify([authorId], actorId, {
      type: 'chat-message-removed',
      params: { roomTitle, excerpt: excerpt(text) },
      target: { kind: 'message', room, seq },
    });
  });
  bus.on('chat.message-sent', async ({ room, seq, authorId }) => {
    const parsed = parseRoom(room);
    if (parsed.kind !== 'dm') return;
    const message = await storage.chat.get(room, seq);
    await notify(parsed.userIds, authorId, {
      type: 'direct-message',
      params: { senderName: await name(authorId), excerpt: excerpt(message?.entry.text ?? '') },
      target: { kind: 'message', room, seq },
    });
  });
}
