import { randomUUID } from 'node:crypto';
import type {
  AttendanceSheet,
  AttendanceWindow,
  AttendanceWindowId,
  CheckInMethod,
  CheckInResult,
} from '../../../../src-shared/schemas/class-tools/attendance';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import type { SessionId } from '../../../../src-shared/schemas/sessions';
import { DomainError } from '../../../domain-error';
import { UniqueViolation } from '../../../storage/errors';
import type { SessionRecord, UserRecord } from '../../../storage/records';
import type { AttendanceWindowRecord } from '../../../storage/records-class-tools';
import {
  assertReadsAll,
  assertRunsClass,
  assertMayCheckIn,
  assertTakesPart,
  classToolsAccess,
  type ClassToolsAccess,
} from '../../access/class-tools-access';
import { courseAccess } from '../../access/course-access';
import { ACCESS_REPOSITORIES } from '../../access/ports';
import type { DomainDeps } from '../../deps';
import { rosterOf } from './attendance-roster';
import { countsOf, sheetRows, statusOf, toWindow } from './attendance-views';

export const ATTENDANCE_REPOSITORIES = [...ACCESS_REPOSITORIES, 'attendance'] as const;
type Deps = DomainDeps<(typeof ATTENDANCE_REPOSITORIES)[number]>;

/** Joins a session by its token with every rule of joining (the sessions domain). */
export type JoinByToken = (actor: UserRecord, token: string, address: string) => Promise<unknown>;

/** Check-in windows: the host opens and closes one; students check in with the session token. */
export class AttendanceService {
  constructor(
    private readonly deps: Deps,
    private readonly joinByToken: JoinByToken,
  ) {}

  async list(actor: UserRecord, sessionId: SessionId): Promise<AttendanceWindow[]> {
    const access = await classToolsAccess(this.deps.storage, actor, sessionId);
    const windows = (await this.deps.storage.attendance.listWindowsForSession(sessionId)).reverse();
    return Promise.all(windows.map((w) => this.view(actor, access, w)));
  }

  async open(actor: UserRecord, sessionId: SessionId, lateAfterMinutes: number) {
    const access = await classToolsAccess(this.deps.storage, actor, sessionId);
    await assertRunsClass(this.deps.storage, access, 'attendance');
    try {
      const window = await this.deps.storage.attendance.insertWindow({
        kind: 'window',
        id: randomUUID() as AttendanceWindowId,
        sessionId,
        ...(access.session.courseId ? { courseId: access.session.courseId } : {}),
        openedBy: actor.id,
        openedAt: this.deps.now().toISOString(),
        lateAfterMinutes,
      });
      this.deps.bus.publish('attendance.changed', { window, actorId: actor.id });
      return this.view(actor, access, window);
    } catch (error) {
      if (error instanceof UniqueViolation)
        throw new DomainError('CONFLICT', 'A check-in is open already; close it first.');
      throw error;
    }
  }

  async close(actor: UserRecord, windowId: AttendanceWindowId): Promise<AttendanceWindow> {
    const { window, access } = await this.load(actor, windowId);
    await assertRunsClass(this.deps.storage, access, 'attendance');
    if (window.closedAt) throw new DomainError('CONFLICT', 'This check-in is closed already.');
    const closed = await this.deps.storage.attendance.updateWindow(window.id, (w) => ({
      ...w,
      closedAt: this.deps.now().toISOString(),
    }));
    if (!closed) throw gone();
    this.deps.bus.publish('attendance.changed', { window: closed, actorId: actor.id });
    return this.view(actor, access, closed);
  }

  async sheet(actor: UserRecord, windowId: AttendanceWindowId): Promise<AttendanceSheet> {
    const { window, access } = await this.load(actor, windowId);
    assertReadsAll(access, 'who checked in');
    const checkIns = await this.deps.storage.attendance.listCheckIns(window.id);
    const roster = await rosterOf(this.deps.storage, access.session);
    return {
      window: toWindow(window, countsOf(window, roster, checkIns), null),
      rows: await sheetRows(
        window,
        roster,
        checkIns,
        (id) => this.deps.storage.users.get(id),
        actor,
      ),
    };
  }

  /**
   * Checks the person in to the session the token opens. Someone not in it
   * yet joins first, through the sessions domain (wrong tokens rate-limited,
   * blocked people and outsiders of the course refused). Checking in again
   * answers the first check-in, so a QR link opened twice is harmless.
   */
  async checkIn(
    actor: UserRecord,
    token: string,
    method: CheckInMethod,
    address: string,
  ): Promise<CheckInResult> {
    const { storage } = this.deps;
    const found = await storage.sessions.findByJoinToken(token);
    const member = found && (await storage.sessionMembers.get(found.id, actor.id));
    if (found) await assertMayCheckIn(storage, actor, found);
    if (!found || member?.status !== 'active') await this.joinByToken(actor, token, address);
    const session = found!;
    const access = await classToolsAccess(storage, actor, session.id);
    await assertTakesPart(storage, access);
    const window = await storage.attendance.openWindowOf(session.id);
    if (!window)
      throw new DomainError(
        'CONFLICT',
        `Check-in for “${session.title}” is not open. Wait for your teacher to open it.`,
      );
    const checkIn =
      (await storage.attendance.getCheckIn(window.id, actor.id)) ??
      (await this.insertCheckIn(window, actor, method));
    return {
      sessionId: session.id,
      sessionTitle: session.title,
      status: statusOf(window, checkIn) as 'present' | 'late',
      checkedInAt: checkIn.checkedInAt,
    };
  }

  /** Every window of the course's sessions, newest first: the course's attendance history. */
  async courseHistory(actor: UserRecord, courseId: CourseId): Promise<AttendanceWindow[]> {
    await this.assertCourseStaff(actor, courseId);
    const windows = (await this.deps.storage.attendance.listWindowsForCourse(courseId)).reverse();
    return Promise.all(windows.map((w) => this.countedView(w)));
  }

  async assertCourseStaff(actor: UserRecord, courseId: CourseId) {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    if (!access.isTeacher && !actor.isAdmin)
      throw new DomainError(
        'FORBIDDEN',
        'Only the course’s teacher and admins see its attendance.',
      );
    return access.course;
  }

  async load(actor: UserRecord, windowId: AttendanceWindowId) {
    const window = await this.deps.storage.attendance.getWindow(windowId);
    if (!window) throw gone();
    const access = await classToolsAccess(this.deps.storage, actor, window.sessionId);
    return { window, access };
  }

  /** The window with counts, as the host sees it (live counts, the course history). */
  async countedView(window: AttendanceWindowRecord): Promise<AttendanceWindow> {
    const session = await this.deps.storage.sessions.get(window.sessionId);
    const checkIns = await this.deps.storage.attendance.listCheckIns(window.id);
    const roster = session ? await rosterOf(this.deps.storage, session) : [];
    return toWindow(window, countsOf(window, roster, checkIns), null);
  }

  /** What everyone in the room may see: the window, no counts, nobody's check-in. */
  roomView(window: AttendanceWindowRecord): AttendanceWindow {
    return toWindow(window, null, null);
  }

  async sessionOf(sessionId: SessionId): Promise<SessionRecord | undefined> {
    return this.deps.storage.sessions.get(sessionId);
  }

  private async insertCheckIn(
    window: AttendanceWindowRecord,
    actor: UserRecord,
    method: CheckInMethod,
  ) {
    try {
      const checkIn = await this.deps.storage.attendance.insertCheckIn({
        windowId: window.id,
        userId: actor.id,
        checkedInAt: this.deps.now().toISOString(),
        method,
      });
      this.deps.bus.publish('attendance.checked-in', { window, checkIn });
      return checkIn;
    } catch (error) {
      // Two devices at once: the first one stored is the check-in.
      const first = await this.deps.storage.attendance.getCheckIn(window.id, actor.id);
      if (error instanceof UniqueViolation && first) return first;
      throw error;
    }
  }

  private async view(actor: UserRecord, access: ClassToolsAccess, window: AttendanceWindowRecord) {
    if (access.readsAll) return this.countedView(window);
    const mine = await this.deps.storage.attendance.getCheckIn(window.id, actor.id);
    return toWindow(window, null, mine);
  }
}

const gone = () =>
  new DomainError('NOT_FOUND', 'This check-in window does not exist (it may have been deleted).');
