import type { UserId } from '../../src-shared/ids';
import type { CourseId } from '../../src-shared/schemas/courses';
import type { Room } from '../../src-shared/schemas/chat';
import type { SessionId } from '../../src-shared/schemas/sessions';
import { DomainError } from '../domain-error';
import type { AccessService, Person } from '../domains/access/access-service';
import { classRoleOf } from '../domains/access/class-access';
import { parseRoom } from '../domains/access/room-access';
import type { EventBus } from '../events/bus';
import {
  APPROVER_ROOMS,
  approverRoomsOf,
  classObserversRoom,
  courseRoom,
  sessionRoom,
  userRoom,
} from './rooms';
import { LookingIn } from './looking-in';
import type { HubSocket, HubSocketServer } from './socket-server';

const ofEnrolment = (e: { userId: UserId; courseId: CourseId }) => ({
  userId: e.userId,
  courseId: e.courseId,
});

type AccessLost = 'left' | 'removed' | 'blocked' | 'deleted';

/**
 * What each hub node must do itself, because it needs that node's own state:
 * its sockets' rooms, the courses of the sessions they joined, the sessions
 * an admin there looks into, the epochs of look-ups running there.
 */
export type MembershipChange =
  | { kind: 'bump'; userId: UserId }
  | { kind: 'join'; userId: UserId; rooms: string[] }
  | { kind: 'leave'; userId: UserId; rooms: string[] }
  | { kind: 'remember'; sessionId: SessionId; courseId: CourseId }
  | { kind: 'leave-course'; userId: UserId; courseId: CourseId; reason: AccessLost }
  | { kind: 'stop-looking-in'; userId: UserId };

/** Membership changing this often while one person connects is an attack or a bug: stop looking. */
const MAX_LOOKUPS = 5;

/**
 * The one place that decides which rooms a socket is in. A socket is
 * authorised when it joins a room (at connect, from the access module's
 * places, or when it asks to watch a session), and membership follows
 * enrolment, blocking, removal, session membership and role changes the
 * moment their event is published — leaving is synchronous, so nothing sent
 * after a removal reaches the removed person. (Archiving a course changes no
 * room: its people still follow its pages live, and its chat takes no new
 * messages.) Delivery then simply broadcasts to rooms.
 */
export class RoomMembership {
  /** Bumped on every membership change of a person: a room list computed before it is stale. */
  private readonly epochs = new Map<UserId, number>();
  /** The course of each course session a socket joined, so leaving a course leaves its sessions at once. */
  private readonly courseOfSession = new Map<SessionId, CourseId>();
  private readonly lookingIn = new LookingIn();

  constructor(
    private readonly io: HubSocketServer,
    private readonly access: AccessService,
    private readonly userOf: (id: UserId) => Promise<Person | undefined>,
    /** Several hub nodes share the database: changes that need a node's own state run on each. */
    private readonly clustered = false,
  ) {
    if (clustered) io.on('membership:change', (change) => this.apply(change));
  }

  /** Joins a new socket to every room its person belongs in, before it counts as connected. */
  async admit(socket: HubSocket): Promise<void> {
    const rooms = await this.fresh(socket.data.userId, () => this.roomsOf(socket.data.userId));
    void socket.join(rooms);
  }

  /** An admin looking in, or a member opening the page: joins after the same check REST uses. */
  async watch(socket: HubSocket, sessionId: SessionId): Promise<void> {
    const access = await this.fresh(socket.data.userId, async () =>
      this.access.session(await this.personOf(socket), sessionId),
    );
    const { session, membership } = access;
    this.remember(session);
    // An admin looking in reads the class's counts as its teacher does (class-access.ts).
    if (classRoleOf(access) === 'observer') void socket.join(classObserversRoom(sessionId));
    if (!membership)
      this.lookingIn.remember(socket, sessionRoom(sessionId), classObserversRoom(sessionId));
    void socket.join(sessionRoom(sessionId));
  }

  /**
   * Follows a chat live from its page: a session's as `watch` does; a course's
   * for someone who may read it without being in its room (an admin looking
   * in). A conversation reaches both people's devices already.
   */
  async watchChat(socket: HubSocket, room: Room): Promise<void> {
    const parsed = await this.fresh(socket.data.userId, async () =>
      this.access.mayReadRoom(await this.personOf(socket), room),
    );
    if (parsed.kind === 'session') return this.watch(socket, parsed.sessionId);
    if (parsed.kind === 'dm' || socket.rooms.has(room)) return;
    this.lookingIn.remember(socket, room);
    void socket.join(room);
  }

  /** Stops following a chat it only looked into; its own rooms stay. */
  unwatchChat(socket: HubSocket, room: Room): void {
    const parsed = parseRoom(room);
    const related = parsed.kind === 'session' ? [classObserversRoom(parsed.sessionId)] : [];
    this.lookingIn.leave(socket, room, ...related);
  }

  private async personOf(socket: HubSocket): Promise<Person> {
    const user = await this.userOf(socket.data.userId);
    if (!user) throw new DomainError('TOKEN_REVOKED', 'This account no longer exists.');
    return user;
  }

  unwatch(socket: HubSocket, sessionId: SessionId): void {
    void socket.leave(sessionRoom(sessionId));
    void socket.leave(classObserversRoom(sessionId));
  }

  follow(bus: EventBus): void {
    bus.on('course.created', ({ course }) => this.join(course.teacherId, [courseRoom(course.id)]));
    bus.on('enrolment.created', ({ enrolment }) =>
      this.enter(enrolment.userId, enrolment.courseId),
    );
    bus.on('enrolment.changed', ({ enrolment }) => {
      if (enrolment.status === 'active') return this.enter(enrolment.userId, enrolment.courseId);
      const reason = enrolment.status === 'blocked' ? 'blocked' : 'removed';
      this.everywhere({ kind: 'leave-course', ...ofEnrolment(enrolment), reason });
    });
    bus.on('enrolment.removed', ({ enrolment }) =>
      this.everywhere({ kind: 'leave-course', ...ofEnrolment(enrolment), reason: 'removed' }),
    );
    bus.on('course.deleted', ({ course, memberIds }) => {
      for (const userId of memberIds)
        this.everywhere({ kind: 'leave-course', userId, courseId: course.id, reason: 'deleted' });
    });
    bus.on('session.created', ({ session }) => {
      this.rememberEverywhere(session);
      this.join(session.hostId, [sessionRoom(session.id)]);
    });
    bus.on('session.member-joined', ({ member, session }) => {
      this.rememberEverywhere(session);
      this.join(member.userId, [sessionRoom(member.sessionId)]);
    });
    bus.on('session.member-left', ({ member, reason }) => {
      this.bump(member.userId);
      this.io.to(userRoom(member.userId)).emit('session:access-lost', {
        sessionId: member.sessionId,
        reason,
      });
      this.everywhere({
        kind: 'leave',
        userId: member.userId,
        rooms: [sessionRoom(member.sessionId)],
      });
    });
    bus.on('session.deleted', ({ session, memberIds }) => {
      for (const id of memberIds) this.bump(id);
      const room = sessionRoom(session.id);
      this.io.to(room).emit('session:access-lost', { sessionId: session.id, reason: 'deleted' });
      this.io.in(room).socketsLeave(room);
      this.io.in(classObserversRoom(session.id)).socketsLeave(classObserversRoom(session.id));
      this.courseOfSession.delete(session.id);
    });
    // Role and admin changes move the person's devices in or out of the approvers' rooms at once.
    bus.on('account.updated', ({ user }) => {
      this.bump(user.id);
      const wanted = approverRoomsOf(user);
      const unwanted = APPROVER_ROOMS.filter((room) => !wanted.includes(room));
      this.everywhere({ kind: 'leave', userId: user.id, rooms: unwanted });
      if (user.status === 'active' && wanted.length > 0) this.join(user.id, wanted);
      if (!user.isAdmin) this.everywhere({ kind: 'stop-looking-in', userId: user.id });
    });
  }

  /**
   * Runs a change here at once and on every other node in the order made.
   * A person's rooms change only this way: through the adapter a join or
   * leave is applied here only after its NOTIFY went out, so it could land
   * after a later change made here at once (a join from before a block,
   * after the block). The adapter publishes in order (cluster.ts), so every
   * node applies the changes in the order they were made, and leaves before
   * it hears the next broadcast.
   */
  private everywhere(change: MembershipChange): void {
    this.apply(change);
    if (this.clustered) this.io.serverSideEmit('membership:change', change);
  }

  private apply(change: MembershipChange): void {
    switch (change.kind) {
      case 'bump':
        return void this.epochs.set(change.userId, this.epochOf(change.userId) + 1);
      case 'join':
        return void this.io.local.in(userRoom(change.userId)).socketsJoin(change.rooms);
      case 'leave':
        return void this.io.local.in(userRoom(change.userId)).socketsLeave(change.rooms);
      case 'remember':
        return void this.courseOfSession.set(change.sessionId, change.courseId);
      case 'leave-course':
        return this.leaveCourse(change.userId, change.courseId, change.reason);
      case 'stop-looking-in':
        return this.stopLookingIn(change.userId);
    }
  }

  private rememberEverywhere(session: { id: SessionId; courseId?: CourseId | undefined }): void {
    if (session.courseId)
      this.everywhere({ kind: 'remember', sessionId: session.id, courseId: session.courseId });
  }

  private async roomsOf(userId: UserId): Promise<string[]> {
    const user = await this.userOf(userId);
    if (!user) throw new DomainError('TOKEN_REVOKED', 'This account no longer exists.');
    const places = await this.access.places(user);
    places.sessions.forEach((session) => this.remember(session));
    return [
      userRoom(user.id),
      ...approverRoomsOf(user),
      ...places.courses.map((c) => courseRoom(c.id)),
      ...places.sessions.map((s) => sessionRoom(s.id)),
    ];
  }

  /** In a course again (enrolled, unblocked): its room now, and its sessions they are a member of. */
  private enter(userId: UserId, courseId: CourseId): Promise<void> {
    this.join(userId, [courseRoom(courseId)]);
    return this.rejoin(userId);
  }

  /** Joins every room the person belongs in to all their devices. */
  private async rejoin(userId: UserId): Promise<void> {
    const rooms = await this.fresh(userId, () => this.roomsOf(userId));
    this.everywhere({ kind: 'join', userId, rooms });
  }

  /**
   * Runs a look-up again when the person's membership changed while it ran,
   * so a room list from before a removal is never applied after it.
   */
  private async fresh<T>(userId: UserId, lookUp: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const epoch = this.epochOf(userId);
      const result = await lookUp();
      if (epoch === this.epochOf(userId) || attempt === MAX_LOOKUPS) return result;
    }
  }

  /**
   * Joins here at once, as leaving a course is, then on the other nodes in
   * the same order as every other change. Through the adapter a join is
   * applied only after its NOTIFY went out, so a join made before a block
   * could land after it — and after a new device of that person was
   * admitted without the room — putting the blocked person back in.
   */
  private join(userId: UserId, rooms: string[]): void {
    this.bump(userId);
    this.everywhere({ kind: 'join', userId, rooms });
  }

  /** Out of the course room and of the course's sessions, on every device, before anything else is sent. */
  private leaveCourse(userId: UserId, courseId: CourseId, reason: AccessLost): void {
    this.apply({ kind: 'bump', userId });
    for (const socketId of this.io.sockets.adapter.rooms.get(userRoom(userId)) ?? []) {
      const socket = this.io.sockets.sockets.get(socketId);
      if (!socket) continue;
      void socket.leave(courseRoom(courseId));
      for (const room of [...socket.rooms]) {
        if (!room.startsWith('session:')) continue;
        const sessionId = room.slice('session:'.length) as SessionId;
        if (this.courseOfSession.get(sessionId) !== courseId) continue;
        socket.emit('session:access-lost', { sessionId, reason });
        void socket.leave(room);
      }
    }
  }

  /** A former admin stops watching what they only looked into, before anything else is sent. */
  private stopLookingIn(userId: UserId): void {
    for (const socketId of this.io.sockets.adapter.rooms.get(userRoom(userId)) ?? [])
      this.lookingIn.leaveAll(this.io.sockets.sockets.get(socketId), socketId);
  }

  private remember(session: { id: SessionId; courseId?: CourseId | undefined }): void {
    if (session.courseId) this.courseOfSession.set(session.id, session.courseId);
  }

  private epochOf(userId: UserId): number {
    return this.epochs.get(userId) ?? 0;
  }

  /** A look-up for this person running on any node is now stale. */
  private bump(userId: UserId): void {
    this.everywhere({ kind: 'bump', userId });
  }
}
