import type { ChatRooms } from '../domains/chat/chat-rooms';
import { diffsByRoom, type Presence } from '../domains/chat/presence';
import type { Logger } from '../logger';
import type { PresenceGossip } from './presence-gossip';
import { userRoom } from './rooms';
import type { HubSocket, HubSocketServer } from './socket-server';

/** How often who came and went is reported: a class connecting costs one event per room per tick. */
const REPORT_EVERY_MS = 500;

/**
 * Presence: connections are counted as they come and go; every half second
 * each course and session room (and each conversation partner) gets one
 * `presence:changed` listing who came online and who went offline.
 */
export function deliverPresence(
  io: HubSocketServer,
  presence: Presence,
  rooms: Pick<ChatRooms, 'conversationPeersOf'>,
  logger: Logger,
  gossip?: PresenceGossip,
): { stop(): void } {
  io.on('connection', (socket) => {
    const userId = socket.data.userId;
    socket.on('disconnecting', () => {
      presence.disconnected(userId, audienceOf(socket));
      gossip?.touched(userId);
    });
    presence.connected(userId, audienceOf(socket));
    gossip?.touched(userId);
  });

  let running = false;
  /**
   * The news is taken first, then each changed person's conversation partners are looked up:
   * a slow look-up delays this report, never widens the window it covers (under load a window
   * held open by look-ups saw someone arrive and leave, and reported neither).
   */
  async function report(): Promise<void> {
    const news = presence.takeNews();
    await Promise.all(
      news.map(async ({ userId, audience }) => {
        for (const peer of await rooms.conversationPeersOf(userId)) audience.add(userRoom(peer));
      }),
    );
    for (const [room, diff] of diffsByRoom(news)) io.to(room).emit('presence:changed', diff);
  }
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    report()
      .catch((error: unknown) => logger.error({ err: error }, 'could not report presence'))
      .finally(() => (running = false));
  }, REPORT_EVERY_MS);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      gossip?.stop();
    },
  };
}

/** The course and session rooms a socket is in hear about its person. */
function audienceOf(socket: HubSocket): string[] {
  return [...socket.rooms].filter(
    (room) => room.startsWith('course:') || room.startsWith('session:'),
  );
}
