import type { ChatRooms } from '../domains/chat/chat-rooms';
import type { Presence } from '../domains/chat/presence';
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
  async function report(): Promise<void> {
    for (const userId of presence.pendingPeople()) {
      presence.addAudience(userId, (await rooms.conversationPeersOf(userId)).map(userRoom));
    }
    for (const [room, diff] of presence.takeChanges()) io.to(room).emit('presence:changed', diff);
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
