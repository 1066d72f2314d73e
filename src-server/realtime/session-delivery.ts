import type { SessionId } from '../../src-shared/schemas/sessions';
import { watchSessionRequestSchema } from '../../src-shared/schemas/realtime';
import { DomainError } from '../domain-error';
import { sessionAccess } from '../domains/access/session-access';
import { toComment, toMember, toPost, toSession, type Viewer } from '../domains/sessions/views';
import type { EventBus } from '../events/bus';
import type { Logger } from '../logger';
import type { EnrolmentRecord, SessionRecord, UserRecord } from '../storage/records';
import type { Storage } from '../storage/repositories';
import { responder, parsePayload } from './respond';
import { sessionRoom, userRoom } from './rooms';
import type { HubSocket, HubSocketServer } from './socket-server';

/**
 * Live session traffic. A socket joins a session's room only after the same
 * access check REST uses, and each event is built per viewer (permissions,
 * download rights, email visibility) after checking access again, so a
 * removed or blocked member stops receiving at once.
 */
export function deliverSessions(
  io: HubSocketServer,
  bus: EventBus,
  storage: Storage,
  logger: Logger,
): void {
  const respond = responder(logger);
  io.on('connection', (socket) => {
    socket.on('session:watch', (request, ack) => void respond(ack, () => watch(socket, request)));
    socket.on(
      'session:unwatch',
      (request, ack) =>
        void respond(ack, async () => {
          const { sessionId } = parsePayload(watchSessionRequestSchema, request);
          await socket.leave(sessionRoom(sessionId));
          return { sessionId };
        }),
    );
  });

  async function watch(socket: HubSocket, request: unknown) {
    const { sessionId } = parsePayload(watchSessionRequestSchema, request);
    const user = await storage.users.get(socket.data.userId);
    if (!user) throw new DomainError('TOKEN_REVOKED', 'This account no longer exists.');
    await sessionAccess(storage, user, sessionId);
    await socket.join(sessionRoom(sessionId));
    return { sessionId };
  }

  /** Calls `send` for each socket in the session's room whose person may still see it. */
  async function toEachViewer(
    sessionId: SessionId,
    send: (
      socket: HubSocket,
      viewer: Viewer,
      session: SessionRecord,
      user: UserRecord,
    ) => Promise<void>,
  ) {
    const session = await storage.sessions.get(sessionId);
    if (!session) return;
    for (const remote of await io.in(sessionRoom(sessionId)).fetchSockets()) {
      const socket = io.sockets.sockets.get(remote.id);
      const user = socket && (await storage.users.get(socket.data.userId));
      if (!socket || !user) continue;
      try {
        const access = await sessionAccess(storage, user, sessionId);
        await send(socket, { user, session: access.viewer }, session, user);
      } catch {
        await socket.leave(sessionRoom(sessionId));
      }
    }
  }

  bus.on('post.created', ({ post }) =>
    toEachViewer(post.sessionId, async (socket, viewer, session) => {
      socket.emit('post:created', await toPost(storage, post, viewer, session.hostId));
    }),
  );
  bus.on('post.updated', ({ post }) =>
    toEachViewer(post.sessionId, async (socket, viewer, session) => {
      socket.emit('post:updated', await toPost(storage, post, viewer, session.hostId));
    }),
  );
  bus.on('post.deleted', ({ post }) => {
    io.to(sessionRoom(post.sessionId)).emit('post:deleted', {
      sessionId: post.sessionId,
      postId: post.id,
    });
  });
  bus.on('comment.created', ({ comment, post }) =>
    toEachViewer(post.sessionId, async (socket, viewer) => {
      socket.emit('comment:created', {
        sessionId: post.sessionId,
        comment: await toComment(storage, comment, viewer, post),
      });
    }),
  );
  bus.on('comment.updated', ({ comment, post }) =>
    toEachViewer(post.sessionId, async (socket, viewer) => {
      socket.emit('comment:updated', {
        sessionId: post.sessionId,
        comment: await toComment(storage, comment, viewer, post),
      });
    }),
  );
  bus.on('comment.deleted', ({ comment, post }) => {
    io.to(sessionRoom(post.sessionId)).emit('comment:deleted', {
      sessionId: post.sessionId,
      postId: post.id,
      commentId: comment.id,
    });
  });
  bus.on('session.updated', ({ session }) =>
    toEachViewer(session.id, async (socket, viewer, _session, user) => {
      const membership = await storage.sessionMembers.get(session.id, user.id);
      socket.emit(
        'session:updated',
        await toSession(
          storage,
          session,
          viewer,
          membership?.status === 'active' ? membership.role : null,
        ),
      );
    }),
  );
  bus.on('session.member-joined', async ({ member }) => {
    // Every device of the new member starts receiving the session (chat, posts) at once.
    io.in(userRoom(member.userId)).socketsJoin(sessionRoom(member.sessionId));
  });
  bus.on('session.member-joined', ({ member }) =>
    toEachViewer(member.sessionId, async (socket, viewer) => {
      socket.emit('session:member-joined', {
        sessionId: member.sessionId,
        member: await toMember(storage, member, viewer),
      });
    }),
  );
  bus.on('session.member-left', async ({ member, reason }) => {
    const room = sessionRoom(member.sessionId);
    for (const socket of await io.in(userRoom(member.userId)).fetchSockets()) {
      socket.emit('session:access-lost', { sessionId: member.sessionId, reason });
      socket.leave(room);
    }
    io.to(room).emit('session:member-left', { sessionId: member.sessionId, userId: member.userId });
  });
  // A session of a course follows the course: leaving, being blocked or removed there ends it here too.
  async function leaveCourseSessions(enrolment: EnrolmentRecord): Promise<void> {
    const reason = enrolment.status === 'blocked' ? 'blocked' : 'removed';
    for (const membership of await storage.sessionMembers.listForUser(enrolment.userId)) {
      const session = await storage.sessions.get(membership.sessionId);
      if (session?.courseId !== enrolment.courseId) continue;
      for (const socket of await io.in(userRoom(enrolment.userId)).fetchSockets()) {
        socket.emit('session:access-lost', { sessionId: session.id, reason });
        socket.leave(sessionRoom(session.id));
      }
    }
  }
  bus.on('enrolment.changed', async ({ enrolment }) => {
    if (enrolment.status !== 'active') await leaveCourseSessions(enrolment);
  });
  bus.on('enrolment.removed', ({ enrolment }) => leaveCourseSessions(enrolment));
  bus.on('session.deleted', async ({ session }) => {
    const room = sessionRoom(session.id);
    io.to(room).emit('session:access-lost', { sessionId: session.id, reason: 'deleted' });
    io.in(room).socketsLeave(room);
  });
}
