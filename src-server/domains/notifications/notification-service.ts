import type { UserId } from '../../../src-shared/ids';
import type { Notification, NotificationContent } from '../../../src-shared/schemas/notifications';
import { DomainError } from '../../domain-error';
import type { EventBus } from '../../events/bus';
import type { NotificationRecord, UserRecord } from '../../storage/records';
import type { HistoryEntry } from '../../storage/repositories';
import type { DomainDeps } from '../deps';
import { NOTIFICATION_EVENT_REPOSITORIES, subscribeNotifications } from './notification-events';

const INBOX = (userId: UserId) => `inbox:${userId}`;
/** How far back an unread notification of the same group is looked for. */
const GROUP_LOOKBACK = 50;

/** The repositories NotificationService reads and writes (createHub hands it exactly these). */
export const NOTIFICATION_REPOSITORIES = [
  ...NOTIFICATION_EVENT_REPOSITORIES,
  'notifications',
  'readMarkers',
] as const;

/**
 * Each person's inbox is a stream in the notifications log; what goes in
 * comes from domain events (notification-events.ts). The actor of an event
 * is never notified of it.
 */
export class NotificationService {
  /** One grouped notification at a time per inbox: thirty hand-ins at once count up one entry. */
  private readonly groupQueues = new Map<UserId, Promise<void>>();

  constructor(private readonly deps: DomainDeps<(typeof NOTIFICATION_REPOSITORIES)[number]>) {}

  subscribe(bus: EventBus): void {
    subscribeNotifications(
      bus,
      this.deps,
      (recipients, actorId, content) => this.notify(recipients, actorId, content),
      (userId, actorId, group, make) => this.notifyGrouped(userId, actorId, group, make),
    );
  }

  /**
   * Counts up the person's unread notification of this group instead of
   * adding another: the log is append-only, so the new one (with the higher
   * count) `replaces` the old, which is marked read and no longer listed.
   * Once read, the next one starts a new count.
   */
  notifyGrouped(
    userId: UserId,
    actorId: UserId | undefined,
    group: string,
    make: (previousCount: number) => NotificationContent,
  ): Promise<void> {
    if (userId === actorId) return Promise.resolve();
    const run = (this.groupQueues.get(userId) ?? Promise.resolve()).then(() =>
      this.countUp(userId, actorId, group, make),
    );
    const settled = run.catch(() => undefined);
    this.groupQueues.set(userId, settled);
    void settled.then(() => {
      if (this.groupQueues.get(userId) === settled) this.groupQueues.delete(userId);
    });
    return run;
  }

  private async countUp(
    userId: UserId,
    actorId: UserId | undefined,
    group: string,
    make: (previousCount: number) => NotificationContent,
  ): Promise<void> {
    const { storage } = this.deps;
    const marker = await storage.readMarkers.get(userId, INBOX(userId));
    const recent = await storage.notifications.page(INBOX(userId), GROUP_LOOKBACK);
    const previous = recent.find(
      (e) => 'group' in e.entry && e.entry.group === group && !toNotification(e, marker).read,
    );
    const previousCount =
      previous && 'params' in previous.entry && 'count' in previous.entry.params
        ? Number(previous.entry.params.count)
        : 0;
    const entry = await storage.notifications.append(INBOX(userId), {
      ...make(previousCount),
      group,
      ...(previous ? { replaces: previous.seq } : {}),
      ...(actorId ? { actorId } : {}),
    });
    this.deps.bus.publish('notification.created', {
      userId,
      notification: toNotification(entry, undefined),
    });
    if (previous) await this.markSeqRead(userId, previous.seq);
  }

  async notify(
    recipients: readonly UserId[],
    actorId: UserId | undefined,
    content: NotificationContent,
  ): Promise<void> {
    for (const userId of new Set(recipients)) {
      if (userId === actorId) continue;
      const entry = await this.deps.storage.notifications.append(INBOX(userId), {
        ...content,
        ...(actorId ? { actorId } : {}),
      });
      this.deps.bus.publish('notification.created', {
        userId,
        notification: toNotification(entry, undefined),
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
    // A counted-up notification stands in for the one it replaces.
    const replaced = new Set(entries.map((e) => ('replaces' in e.entry ? e.entry.replaces : 0)));
    return {
      items: entries.filter((e) => !replaced.has(e.seq)).map((e) => toNotification(e, marker)),
      unread: await this.unread(user.id),
      ...(oldest !== undefined && oldest > 1 ? { nextBefore: oldest } : {}),
    };
  }

  async unread(userId: UserId): Promise<number> {
    const marker = await this.deps.storage.readMarkers.get(userId, INBOX(userId));
    // Counted over what is still stored: pruned notifications no longer count as unread.
    return (
      (await this.deps.storage.notifications.countAfter(INBOX(userId), marker?.seq ?? 0)) -
      (marker?.readSeqs.length ?? 0)
    );
  }

  /** Marks one (seq) or all (no seq) read; the change reaches the person's other devices. */
  markRead(user: UserRecord, seq?: number): Promise<{ unread: number }> {
    return this.markSeqRead(user.id, seq);
  }

  private async markSeqRead(userId: UserId, seq?: number): Promise<{ unread: number }> {
    const { storage } = this.deps;
    const user = { id: userId };
    const stream = INBOX(user.id);
    const last = await storage.notifications.lastSeq(stream);
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
}

/**
 * The wire form of a stored notification. One written before notifications
 * had types (an English sentence with an app path) is read as the `legacy`
 * kind, shown as it was written: an upgrade loses no one's inbox.
 */
export function toNotification(
  entry: HistoryEntry<NotificationRecord>,
  marker: { seq: number; readSeqs: readonly number[] } | undefined,
): Notification {
  const place = {
    seq: entry.seq,
    createdAt: entry.at,
    read: marker ? entry.seq <= marker.seq || marker.readSeqs.includes(entry.seq) : false,
  };
  const record = entry.entry;
  if ('type' in record) {
    const { actorId: _actor, group: _group, ...content } = record;
    return { ...place, ...content };
  }
  return {
    ...place,
    type: 'legacy',
    params: { kind: record.kind, title: record.title, body: record.body },
    // Only app paths: "//host/…" would lead out of the app.
    target: { kind: 'path', path: /^\/(?!\/)/.test(record.link) ? record.link : '/' },
  };
}
