import type { CalendarEntry } from '../../../src-shared/schemas/calendar';
import type { CourseRecord, SessionRecord, UserRecord } from '../../storage/records';
import type { Storage } from '../../storage/repositories';

/**
 * Only what the calendar reads. Every lookup starts from the viewer (their
 * courses, their memberships), so the cost follows one person's calendar,
 * never the hub's other courses.
 */
export type CalendarPorts = Pick<
  Storage,
  'courses' | 'enrolments' | 'deadlines' | 'sessions' | 'sessionMembers'
>;

export interface CalendarRange {
  readonly from: Date;
  readonly to: Date;
}

/** A person's own calendar: deadlines of the courses they teach or take, and their scheduled sessions. */
export class CalendarService {
  constructor(private readonly storage: CalendarPorts) {}

  async entries(viewer: UserRecord, range: CalendarRange): Promise<CalendarEntry[]> {
    const inRange = (iso: string) => {
      const at = Date.parse(iso);
      return at >= range.from.getTime() && at < range.to.getTime();
    };
    const [deadlines, sessions] = await Promise.all([
      this.deadlines(viewer, inRange),
      this.sessions(viewer, range),
    ]);
    return [...deadlines, ...sessions].sort(
      (a, b) => a.startsAt.localeCompare(b.startsAt) || a.title.localeCompare(b.title),
    );
  }

  /** Courses whose deadlines are the viewer's: taught, or taken (active or completed). */
  private async courses(viewer: UserRecord): Promise<CourseRecord[]> {
    const taught = await this.storage.courses.listForTeacher(viewer.id);
    const taken = (await this.storage.enrolments.listForUser(viewer.id)).filter(
      (e) => e.status === 'active' || e.status === 'completed',
    );
    const joined = await Promise.all(taken.map((e) => this.storage.courses.get(e.courseId)));
    return [...taught, ...joined.filter((c) => c !== undefined)].filter((c) => !c.archived);
  }

  private async deadlines(
    viewer: UserRecord,
    inRange: (iso: string) => boolean,
  ): Promise<CalendarEntry[]> {
    const entries: CalendarEntry[] = [];
    for (const course of await this.courses(viewer))
      for (const deadline of await this.storage.deadlines.listForCourse(course.id))
        if (inRange(deadline.dueAt))
          entries.push({
            kind: 'deadline',
            id: deadline.id,
            title: deadline.title,
            startsAt: deadline.dueAt,
            endsAt: null,
            course: courseRef(course),
          });
    return entries;
  }

  /** Scheduled sessions the viewer is an active member of that overlap the range. */
  private async sessions(viewer: UserRecord, range: CalendarRange): Promise<CalendarEntry[]> {
    const memberships = (await this.storage.sessionMembers.listForUser(viewer.id)).filter(
      (m) => m.status === 'active',
    );
    const entries: CalendarEntry[] = [];
    for (const membership of memberships) {
      const session = await this.storage.sessions.get(membership.sessionId);
      if (!session?.startsAt || !session.endsAt) continue;
      if (Date.parse(session.endsAt) <= range.from.getTime()) continue;
      if (Date.parse(session.startsAt) >= range.to.getTime()) continue;
      entries.push(await this.sessionEntry(session));
    }
    return entries;
  }

  private async sessionEntry(session: SessionRecord): Promise<CalendarEntry> {
    const course = session.courseId ? await this.storage.courses.get(session.courseId) : undefined;
    return {
      kind: 'session',
      id: session.id,
      title: session.title,
      startsAt: session.startsAt!,
      endsAt: session.endsAt ?? null,
      course: course ? courseRef(course) : null,
    };
  }
}

const courseRef = (course: CourseRecord) => ({
  id: course.id,
  code: course.code,
  title: course.title,
});
