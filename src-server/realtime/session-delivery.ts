import type { ServerToClientEvents } from '../../src-shared/events';
import type { UserId } from '../../src-shared/ids';
import type { SessionId } from '../../src-shared/schemas/sessions';
import { watchSessionRequestSchema } from '../../src-shared/schemas/realtime';
import type { LiveViewer, SessionLiveViews } from '../domains/sessions/live-views';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import type { RoomMembership } from './membership';
import { responder, parsePayload } from './respond';
import { sessionRoom } from './rooms';
import type { HubSocketServer } from './socket-server';

/** Events whose payload depends on who receives it. */
type ViewerEvent =
  | 'post:created'
  | 'post:updated'
  | 'comment:created'
  | 'comment:updated'
  | 'session:updated'
  | 'session:member-joined';

/**
 * Live session traffic. A socket joins a session's room only after the same
 * access check REST uses (membership.ts); posts, comments and members carry
 * per-viewer permissions and download rights, so those are built once per
 * person in the room by the sessions domain. Deletions are one packet.
 */
/** A socket in a room on any hub node: its person, and `emit` reaches it where it is. */
type Viewer = Awaited<ReturnType<HubSocketServer['fetchSockets']>>[number];

export function deliverSessions(
  io: HubSocketServer,
  bus: EventBus,
  membership: RoomMembership,
  views: SessionLiveViews,
  logger: Logger,
): void {
  const respond = responder(logger);
  io.on('connection', (socket) => {
    socket.on(
      'session:watch',
      (request, ack) =>
        void respond(ack, async () => {
          const { sessionId } = parsePayload(watchSessionRequestSchema, request);
          await membership.watch(socket, sessionId);
          return { sessionId };
        }),
    );
    socket.on(
      'session:unwatch',
      (request, ack) =>
        void respond(ack, async () => {
          const { sessionId } = parsePayload(watchSessionRequestSchema, request);
          membership.unwatch(socket, sessionId);
          return { sessionId };
        }),
    );
  });

  /** Builds each person's view once and sends it to every device of theirs in the room. */
  async function toEachViewer<E extends ViewerEvent>(
    sessionId: SessionId,
    event: E,
    build: (viewer: LiveViewer) => Promise<Parameters<ServerToClientEvents[E]>[0]>,
  ): Promise<void> {
    // Through the adapter: the room's sockets on every hub node (on one node, simply its own).
    const devices = new Map<UserId, Viewer[]>();
    for (const socket of await io.in(sessionRoom(sessionId)).fetchSockets())
      devices.set(socket.data.userId, [...(devices.get(socket.data.userId) ?? []), socket]);
    const viewers = await views.viewersOf(sessionId, devices.keys());
    for (const [userId, viewer] of viewers) {
      const view = await build(viewer);
      for (const socket of devices.get(userId) ?? [])
        socket.emit(event, ...([view] as Parameters<ServerToClientEvents[E]>));
    }
  }

  bus.on('post.created', ({ post }) =>
    toEachViewer(post.sessionId, 'post:created', (viewer) => viewer.post(post)),
  );
  bus.on('post.updated', ({ post }) =>
    toEachViewer(post.sessionId, 'post:updated', (viewer) => viewer.post(post)),
  );
  bus.on('post.deleted', ({ post }) => {
    io.to(sessionRoom(post.sessionId)).emit('post:deleted', {
      sessionId: post.sessionId,
      postId: post.id,
    });
  });
  for (const change of ['created', 'updated'] as const) {
    bus.on(`comment.${change}`, ({ comment, post }) =>
      toEachViewer(post.sessionId, `comment:${change}`, async (viewer) => ({
        sessionId: post.sessionId,
        comment: await viewer.comment(comment, post),
      })),
    );
  }
  bus.on('comment.deleted', ({ comment, post }) => {
    io.to(sessionRoom(post.sessionId)).emit('comment:deleted', {
      sessionId: post.sessionId,
      postId: post.id,
      commentId: comment.id,
    });
  });
  bus.on('session.updated', ({ session }) =>
    toEachViewer(session.id, 'session:updated', (viewer) => viewer.session(session)),
  );
  bus.on('session.member-joined', ({ member }) =>
    toEachViewer(member.sessionId, 'session:member-joined', async (viewer) => ({
      sessionId: member.sessionId,
      member: await viewer.member(member),
    })),
  );
  bus.on('session.member-left', ({ member }) => {
    io.to(sessionRoom(member.sessionId)).emit('session:member-left', {
      sessionId: member.sessionId,
      userId: member.userId,
    });
  });
}
