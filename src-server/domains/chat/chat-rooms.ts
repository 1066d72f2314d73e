import type { UserId } from '../../../src-shared/ids';
import { directRoom, type Room, type RoomSummary } from '../../../src-shared/schemas/chat';
import type { CourseId } from '../../../src-shared/schemas/courses';
import { DomainError, fieldError } from '../../domain-error';
import type { UserRecord } from '../../storage/records';
import { toSummary } from '../accounts/views';
import { mayMessage, placesOf } from '../access/places';
import { ACCESS_REPOSITORIES } from '../access/ports';
import { assertMayRead, moderatesRoom } from '../access/room-access';
import type { DomainDeps } from '../deps';
import type { ChatService } from './chat-service';
import type { Presence } from './presence';

export const CHAT_ROOM_REPOSITORIES = [...ACCESS_REPOSITORIES, 'chat', 'readMarkers'] as const;
type ChatRoomRepository = (typeof CHAT_ROOM_REPOSITORIES)[number];

/**
 * A person's chat rooms as the room list shows them: the chats of their
 * courses and sessions and their conversations, each with its unread count
 * and who is online in it. Messages and read positions are chat-service.ts.
 */
export class ChatRooms {
  constructor(
    private readonly deps: DomainDeps<ChatRoomRepository>,
    private readonly chat: Pick<ChatService, 'readPositionOf'>,
    private readonly presence: Pick<Presence, 'isOnline'>,
  ) {}

  /** People someone has a conversation with: they hear when that person comes and goes. */
  async conversationPeersOf(userId: UserId): Promise<UserId[]> {
    return (await this.deps.storage.readMarkers.listForUser(userId))
      .filter((m) => m.stream.startsWith('dm:'))
      .flatMap((m) => m.stream.slice(3).split(':') as UserId[])
      .filter((id) => id !== userId);
  }

  /** Opens (or finds) the conversation with someone you share a session with. */
  async openDirect(actor: UserRecord, peerId: UserId): Promise<RoomSummary> {
    const peer = await this.deps.storage.users.get(peerId);
    if (!peer || peer.status !== 'active')
      throw new DomainError('NOT_FOUND', 'This person is not on the hub.');
    if (peer.id === actor.id) throw fieldError('userId', 'Pick someone other than yourself.');
    if (!(await mayMessage(this.deps.storage, actor, peer))) {
      throw new DomainError(
        'FORBIDDEN',
        'You can message people you share a course or session with.',
      );
    }
    const room = directRoom(actor.id, peer.id);
    for (const person of [actor, peer]) {
      if (!(await this.deps.storage.readMarkers.get(person.id, room))) {
        await this.deps.storage.readMarkers.put({
          id: `${person.id}|${room}`,
          userId: person.id,
          stream: room,
          seq: 0,
          readSeqs: [],
        });
      }
    }
    return this.summary(actor, room);
  }

  /**
   * Rooms of a person, with unread counts: the chats of the courses they
   * belong to (archived ones are closed and not listed), of their sessions,
   * and their conversations.
   */
  async of(actor: UserRecord): Promise<RoomSummary[]> {
    const places = await placesOf(this.deps.storage, actor);
    const direct = (await this.deps.storage.readMarkers.listForUser(actor.id)).filter((m) =>
      m.stream.startsWith('dm:'),
    );
    const rooms = [
      ...places.courses.filter((c) => !c.archived).map((c) => `course:${c.id}` as Room),
      ...places.sessions.map((s) => `session:${s.id}` as Room),
      ...direct.map((m) => m.stream as Room),
    ];
    const summaries: RoomSummary[] = [];
    for (const room of rooms) {
      try {
        summaries.push(await this.summary(actor, room));
      } catch {
        // A conversation whose peer is gone or no longer shares a place is simply not listed.
      }
    }
    return summaries;
  }

  /** One room as its reader sees it: theirs, or one they may look into (an admin). */
  one(actor: UserRecord, room: Room): Promise<RoomSummary> {
    return this.summary(actor, room);
  }

  private async summary(actor: UserRecord, room: Room): Promise<RoomSummary> {
    const { storage } = this.deps;
    const parsed = await assertMayRead(storage, actor, room);
    const lastSeq = await storage.chat.lastSeq(room);
    const readSeq = Math.min(lastSeq, (await this.chat.readPositionOf(actor.id, room)) ?? 0);
    const base = {
      room,
      lastSeq,
      readSeq,
      unread: lastSeq - readSeq,
      moderator: await moderatesRoom(storage, actor, room),
    };
    if (parsed.kind === 'dm') {
      const peer = (await storage.users.get(
        parsed.userIds[0] === actor.id ? parsed.userIds[1] : parsed.userIds[0],
      ))!;
      return {
        ...base,
        kind: 'dm',
        title: `${peer.firstName} ${peer.lastName}`,
        peer: toSummary(peer, actor),
        online: this.isOnline(peer.id) ? [peer.id] : [],
      };
    }
    if (parsed.kind === 'course') {
      const course = (await storage.courses.get(parsed.courseId as CourseId))!;
      const people = [
        course.teacherId,
        ...(await storage.enrolments.listForCourse(course.id))
          .filter((e) => e.status === 'active')
          .map((e) => e.userId),
      ];
      return {
        ...base,
        kind: 'course',
        title: `${course.code} · ${course.title}`,
        online: people.filter((id) => this.isOnline(id)),
      };
    }
    const session = (await storage.sessions.get(parsed.sessionId))!;
    const members = (await storage.sessionMembers.listForSession(session.id)).filter(
      (m) => m.status === 'active',
    );
    return {
      ...base,
      kind: 'session',
      title: session.title,
      online: members.map((m) => m.userId).filter((id) => this.isOnline(id)),
    };
  }

  private isOnline(userId: UserId): boolean {
    return this.presence.isOnline(userId);
  }
}
