import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type {
  ClientHello,
  DeviceBoard,
  DeviceId,
  DeviceReport,
} from '../../../src-shared/schemas/devices';
import { DomainError } from '../../domain-error';
import type { DeviceReportRecord, UserRecord } from '../../storage/records';
import { courseAccess } from '../access/course-access';
import type { DomainDeps } from '../deps';
import type { EventBus } from '../../events/bus';
import { BoardChanges } from './board-changes';
import { DeviceConnections } from './device-connections';
import { toDeviceBoard } from './views';

/** The narrow port: the reports, and what the board and its access rule read. */
export const DEVICE_REPOSITORIES = [
  'deviceReports',
  'users',
  'courses',
  'enrolments',
  'materials',
] as const;
type Deps = DomainDeps<(typeof DEVICE_REPOSITORIES)[number]>;

/** A person's devices kept on the board; a client inventing ids cannot grow it further. */
export const MAX_DEVICES_PER_PERSON = 10;

/**
 * The device board's rules. Devices tell the hub what they are (on connect)
 * and, for the desktop app, what their offline library and outbox hold; the
 * hub keeps the latest per (person, device) and shows it to the teacher of
 * each of that person's courses and to admins — it is the student's own data,
 * so nobody else sees it, the student included (their app already shows them).
 */
export class DeviceService {
  readonly connections = new DeviceConnections();
  private readonly changes: BoardChanges;
  /** One write at a time per device: a report arriving during its connect is not lost. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: Deps) {
    this.changes = new BoardChanges(
      (people) => this.announce(people),
      (error) => deps.logger.error({ err: error }, 'could not announce device board changes'),
    );
  }

  /** A connection declared itself: it is online, and the hub remembers the device. */
  async connected(userId: UserId, connectionId: string, hello: ClientHello): Promise<void> {
    this.connections.connected(connectionId, userId, hello.deviceId);
    this.changes.mark(userId);
    await this.write(userId, hello.deviceId, (current) => ({
      ...(current?.report ? { report: current.report } : {}),
      ...describe(userId, hello),
      lastSyncAt: this.deps.now().toISOString(),
    }));
  }

  disconnected(connectionId: string): void {
    const userId = this.connections.disconnected(connectionId);
    if (userId) this.changes.mark(userId);
  }

  /** A hub node holding devices went silent: its devices are offline now, and their teachers hear of it. */
  nodeGone(node: string, announce: boolean): void {
    for (const userId of this.connections.dropNode(node)) if (announce) this.changes.mark(userId);
  }

  /** The desktop app's library and outbox; courses the person is not a student of are left out. */
  async report(
    actor: UserRecord,
    hello: ClientHello | undefined,
    report: DeviceReport,
  ): Promise<{ receivedAt: string }> {
    if (hello?.kind !== 'desktop')
      throw new DomainError(
        'BAD_REQUEST',
        'Only the desktop app reports an offline library: connect with auth.client.kind "desktop".',
      );
    const studying = new Set(
      (await this.deps.storage.enrolments.listForUser(actor.id))
        .filter((e) => e.status === 'active')
        .map((e) => e.courseId),
    );
    const at = this.deps.now().toISOString();
    await this.write(actor.id, hello.deviceId, () => ({
      ...describe(actor.id, hello),
      lastSyncAt: at,
      report: {
        at,
        outboxWaiting: report.outboxWaiting,
        library: report.library
          .filter((entry) => studying.has(entry.courseId))
          .map((entry) => ({ courseId: entry.courseId, files: [...new Set(entry.files)] })),
      },
    }));
    this.changes.mark(actor.id);
    return { receivedAt: at };
  }

  /** The board of a course: its teacher and admins only. */
  async board(actor: UserRecord, courseId: CourseId): Promise<DeviceBoard> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    if (!access.isTeacher && !actor.isAdmin)
      throw new DomainError(
        'FORBIDDEN',
        'Only the course’s teacher sees its device board: it shows the students’ own devices.',
      );
    const { storage } = this.deps;
    const enrolments = (await storage.enrolments.listForCourse(courseId)).filter(
      (e) => e.status === 'active',
    );
    const students = [];
    for (const enrolment of enrolments) {
      const user = await storage.users.get(enrolment.userId);
      if (!user) continue;
      students.push({ user, devices: await storage.deviceReports.listForUser(user.id) });
    }
    const materials = await storage.materials.listForCourse(courseId);
    return toDeviceBoard(actor, courseId, materials, students, (userId, deviceId) =>
      this.connections.isOnline(userId, deviceId),
    );
  }

  /** A deleted account's devices go with it: they were its own data. */
  subscribe(bus: EventBus): void {
    bus.on('account.deleted', ({ userId }) => {
      this.forgetPerson(userId).catch((error: unknown) =>
        this.deps.logger.error({ err: error }, 'could not forget a deleted account’s devices'),
      );
    });
  }

  async forgetPerson(userId: UserId): Promise<void> {
    for (const device of await this.deps.storage.deviceReports.listForUser(userId))
      await this.deps.storage.deviceReports.delete(userId, device.deviceId);
  }

  stop(): void {
    this.changes.stop();
  }

  /** One `devices.changed` per course of the people whose devices changed. */
  private async announce(people: UserId[]): Promise<void> {
    const courses = new Set<CourseId>();
    for (const userId of people) {
      for (const e of await this.deps.storage.enrolments.listForUser(userId))
        if (e.status === 'active') courses.add(e.courseId);
    }
    for (const courseId of courses) {
      const course = await this.deps.storage.courses.get(courseId);
      if (course) this.deps.bus.publish('devices.changed', { course });
    }
  }

  /** Read, change and store one device's record, in turn with its other writes. */
  private write(
    userId: UserId,
    deviceId: DeviceId,
    change: (current: DeviceReportRecord | undefined) => DeviceReportRecord,
  ): Promise<void> {
    const key = `${userId}:${deviceId}`;
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const { deviceReports } = this.deps.storage;
        const current = await deviceReports.get(userId, deviceId);
        await deviceReports.put(change(current));
        if (!current) await this.forgetOldest(userId);
      });
    this.queues.set(key, next);
    const forget = () => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    };
    next.then(forget, forget);
    return next;
  }

  /** Past the cap, the devices heard from longest ago are dropped. */
  private async forgetOldest(userId: UserId): Promise<void> {
    const devices = await this.deps.storage.deviceReports.listForUser(userId);
    const surplus = devices
      .sort((a, b) => b.lastSyncAt.localeCompare(a.lastSyncAt))
      .slice(MAX_DEVICES_PER_PERSON);
    for (const device of surplus)
      await this.deps.storage.deviceReports.delete(userId, device.deviceId);
  }
}

/** What a handshake says of a device; a field it no longer sends is dropped. */
function describe(
  userId: UserId,
  hello: ClientHello,
): Omit<DeviceReportRecord, 'lastSyncAt' | 'report'> {
  return {
    id: `${userId}:${hello.deviceId}`,
    userId,
    deviceId: hello.deviceId,
    kind: hello.kind,
    ...(hello.version !== undefined ? { version: hello.version } : {}),
    ...(hello.platform !== undefined ? { platform: hello.platform } : {}),
  };
}
