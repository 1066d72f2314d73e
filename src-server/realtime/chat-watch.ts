import { watchChatRequestSchema } from '../../src-shared/schemas/realtime';
import type { Logger } from '../logger';
import type { RoomMembership } from './membership';
import { parsePayload, responder } from './respond';
import type { HubSocketServer } from './socket-server';

/**
 * `chat:watch` / `chat:unwatch`: a chat's page followed live by someone who
 * may read it without being in it — an admin looking into a course's or a
 * session's chat. Joined after the same check REST uses (membership.ts).
 */
export function deliverChatWatching(
  io: HubSocketServer,
  membership: RoomMembership,
  logger: Logger,
): void {
  const respond = responder(logger);
  io.on('connection', (socket) => {
    socket.on(
      'chat:watch',
      (request, ack) =>
        void respond(ack, async () => {
          const { room } = parsePayload(watchChatRequestSchema, request);
          await membership.watchChat(socket, room);
          return { room };
        }),
    );
    socket.on(
      'chat:unwatch',
      (request, ack) =>
        void respond(ack, async () => {
          const { room } = parsePayload(watchChatRequestSchema, request);
          membership.unwatchChat(socket, room);
          return { room };
        }),
    );
  });
}
