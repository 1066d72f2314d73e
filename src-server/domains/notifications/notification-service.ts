import type { UserId } from '../../../src-shared/ids';
import type { Notification, NotificationKind } from '../../../src-shared/schemas/notifications';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../events/bus';
import type { NotificationRecord, UserRecord } from '../../storage/records';
import type { HistoryEntry } from '../../storage/repositories';
import type { DomainDeps } from '../deps';
import { parseRoom } from '../access/room-access';

const INBOX = (userId: UserId) => `inbox:${userId}`;

/**
 * Notifications derive from domain events: one subscriber per kind, nothing
 * in the services that cause them. Each person's inbox is a stream in the
 * notifications log; the actor of an event is never notified of it.
 */
export class NotificationService {
  constructor(private readonly deps: DomainDeps) {}

  subscribe(bus: EventBus): void {
    const { storage } = this.deps;
    const name = async (id: UserId) => {
      const user = await storage.users.get(id);
      return user ? `${user.firstName} ${user.lastName}` : 'Someone';
    };
    const title = async (sessionId: string) =>
      (await storage.sessions.get(sessionId as never))?.title ?? 'a session';
    const activeMembers = async (sessionId: string) =>
      (await storage.sessionMembers.listForSession(sessionId as never))
        .filter((m) => m.status === 'active')
        .map((m) => m.userId);

    bus.on('account.approved', ({ user }) =>
      this.notify(
        [user.id],
        undefined,
        'account-approved',
        'Your account was approved',
        'Welcome to ClassHub! You can sign in now.',
        '/',
      ),
    );
    bus.on('session.member-joined', async ({ member }) => {
      const session = await storage.sessions.get(member.sessionId);
      if (session && member.role === 'member') {
        await this.notify(
          [session.hostId],
          member.userId,
          'session-joined',
          `${await name(member.userId)} joined “${session.title}”`,
          'They joined with the session’s token.',
          `/sessions/${session.id}`,
        );
      }
    });
    bus.on('session.member-left', async ({ member, reason, actorId }) => {
      if (reason === 'left') return;
      const kind = reason === 'blocked' ? 'session-blocked' : 'session-removed';
      const verb = reason === 'blocked' ? 'blocked you from' : 'removed you from';
      await this.notify(
        [member.userId],
        actorId,
        kind,
        `The host ${verb} “${await title(member.sessionId)}”`,
        reason === 'blocked'
          ? 'You cannot rejoin unless the host unblocks you.'
          : 'You can rejoin with the session’s token.',
        '/sessions',
      );
    });
    bus.on('session.deleted', ({ session, memberIds, actorId }) =>
      this.notify(
        memberIds,
        actorId,
        'session-deleted',
        `“${session.title}” was deleted`,
        'Its posts and files are gone with it.',
        '/sessions',
      ),
    );
    bus.on('post.created', async ({ post, actorId }) => {
      await this.notify(
        await activeMembers(post.sessionId),
        actorId,
        'post-created',
        `${await name(actorId)} posted in “${await title(post.sessionId)}”`,
        excerpt(post.text || post.files.map((f) => f.fileName).join(', ')),
        `/sessions/${post.sessionId}`,
      );
    });
    bus.on('comment.created', async ({ comment, post, actorId }) => {
      const session = await storage.sessions.get(post.sessionId);
      const people = [post.authorId, ...(session ? [session.hostId] : [])];
      await this.notify(
        people,
        actorId,
        'comment-created',
        `${await name(actorId)} commented in “${session?.title ?? 'a session'}”`,
        excerpt(comment.text),
        `/sessions/${post.sessionId}`,
      );
    });
    bus.on('enrolment.created', async ({ enrolment, course }) => {
      await this.notify(
        [course.teacherId],
        enrolment.userId,
        'course-enrolment',
        `${await name(enrolment.userId)} enrolled in ${course.code}`,
        course.title,
        `/courses/${course.id}`,
      );
    });
    bus.on('enrolment.changed', async ({ enrolment, previous, course, actorId }) => {
      if (enrolment.status === 'blocked') {
        await this.notify(
          [enrolment.userId],
          actorId,
          'course-blocked',
          `Your teacher blocked you from ${course.code}`,
          'You keep your record but cannot open the course until unblocked.',
          '/courses',
        );
      } else if (previous.status === 'blocked' && enrolment.status === 'active') {
        await this.notify(
          [enrolment.userId],
          actorId,
          'course-enrolment',
          `You can use ${course.code} again`,
          course.title,
          `/courses/${course.id}`,
        );
      }
    });
    bus.on('enrolment.removed', ({ enrolment, course, actorId }) =>
      this.notify(
        [enrolment.userId],
        actorId,
        'course-removed',
        `You were removed from ${course.code}`,
        'You can enrol again if there is room.',
        '/courses',
      ),
    );
    const studentsOf = async (courseId: string) =>
      (await storage.enrolments.listForCourse(courseId as never))
        .filter((e) => e.status === 'active')
        .map((e) => e.userId);
    bus.on('material.created', async ({ material, course, actorId }) => {
      await this.notify(
        await studentsOf(course.id),
        actorId,
        'new-material',
        `New material in ${course.code}: ${material.title}`,
        course.title,
        `/courses/${course.id}`,
      );
    });
    bus.on('deadline.created', async ({ deadline, course, actorId }) => {
      await this.notify(
        await studentsOf(course.id),
        actorId,
        'new-deadline',
        `New deadline in ${course.code}: ${deadline.title}`,
        `Due ${deadline.dueAt}`,
        `/courses/${course.id}`,
      );
    });
    bus.on('grade.released', async ({ grade, deadline, course, actorId }) => {
      await this.notify(
        [grade.studentId],
        actorId,
        'submission-graded',
        `Graded: ${deadline.title} — ${grade.points}/${deadline.maxPoints}`,
        grade.feedback ? excerpt(grade.feedback) : course.title,
        `/courses/${course.id}`,
      );
    });
    bus.on('chat.message-sent', async ({ room, seq, authorId }) => {
      const parsed = parseRoom(room);
      if (parsed.kind !== 'dm') return;
      const message = await storage.chat.get(room, seq);
      await this.notify(
        parsed.userIds,
        authorId,
        'direct-message',
        `Message from ${await name(authorId)}`,
        excerpt(message?.entry.text || 'sent a file'),
        `/chat/${encodeURIComponent(room)}`,
      );
    });
  }

  async notify(
    recipients: readonly UserId[],
    actorId: UserId | undefined,
    kind: NotificationKind,
    title: string,
    body: string,
    link: string,
  ): Promise<void> {
    for (const userId of new Set(recipients)) {
      if (userId === actorId) continue;
      const entry = await this.deps.storage.notifications.append(INBOX(userId), {
        kind,
        title,
        body,
        link,
        ...(actorId ? { actorId } : {}),
      });
      this.deps.bus.publish('notification.created', {
        userId,
        notification: this.toNotification(entry, undefined),
      });
    }
  }

  async page(
    user: UserRecord,
    limit: number,
    before?: number,
  ): Promise<{ items: Notification[]; unread: number; nextBefore?: number }> {
    const marker = await this.deps.storage.readMarkers.get(user.id, INBOX(user.id));
    const entries = await this.deps.storage.notifications.page(INBOX(user.id), limit, before);
    const oldest = entries.at(-1)?.seq;
    return {
      items: entries.map((entry) => this.toNotification(entry, marker)),
      unread: await this.unread(user.id),
      ...(oldest !== undefined && oldest > 1 ? { nextBefore: oldest } : {}),
    };
  }

  async unread(userId: UserId): Promise<number> {
    const marker = await this.deps.storage.readMarkers.get(userId, INBOX(userId));
    // Counted over what is still stored: pruned notifications no longer count as unread.
    return (
      this.deps.storage.notifications.countAfter(INBOX(userId), marker?.seq ?? 0) -
      (marker?.readSeqs.length ?? 0)
    );
  }

  /** Marks one (seq) or all (no seq) read; the change reaches the person's other devices. */
  async markRead(user: UserRecord, seq?: number): Promise<{ unread: number }> {
    const { storage } = this.deps;
    const stream = INBOX(user.id);
    const last = storage.notifications.lastSeq(stream);
    if (seq !== undefined && (seq < 1 || seq > last))
      throw new DomainError('NOT_FOUND', 'You have no notification with this number.');
    const marker = await storage.readMarkers.get(user.id, stream);
    let upTo = marker?.seq ?? 0;
    let readSeqs = new Set(marker?.readSeqs ?? []);
    if (seq === undefined) {
      upTo = last;
      readSeqs = new Set();
    } else if (seq > upTo) readSeqs.add(seq);
    while (readSeqs.delete(upTo + 1)) upTo++; // fold a contiguous run into the marker
    await storage.readMarkers.put({
      id: `${user.id}|${stream}`,
      userId: user.id,
      stream,
      seq: upTo,
      readSeqs: [...readSeqs].sort((a, b) => a - b),
    });
    const unread = await this.unread(user.id);
    this.deps.bus.publish('notification.read', { userId: user.id, unread });
    return { unread };
  }

  private toNotification(
    entry: HistoryEntry<NotificationRecord>,
    marker: { seq: number; readSeqs: readonly number[] } | undefined,
  ): Notification {
    return {
      seq: entry.seq,
      kind: entry.entry.kind,
      title: entry.entry.title,
      body: entry.entry.body,
      link: entry.entry.link,
      createdAt: entry.at,
      read: marker ? entry.seq <= marker.seq || marker.readSeqs.includes(entry.seq) : false,
    };
  }
}

function excerpt(text: string): string {
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}
