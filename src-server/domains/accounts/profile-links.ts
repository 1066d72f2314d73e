import type { Course } from '../../../src-shared/schemas/courses';
import type { Session } from '../../../src-shared/schemas/sessions';
import type { UserRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import { toCourse } from '../courses/views';
import { toSession } from '../sessions/views';
import type { ProfileService } from './profile-service';

/** The repositories ProfileLinks reads and writes (createHub hands it exactly these). */
export const PROFILE_LINK_REPOSITORIES = [
  'comments',
  'courses',
  'enrolments',
  'sessionMembers',
  'sessions',
  'users',
] as const;

/**
 * What a profile page lists besides the person: their courses and sessions,
 * trimmed to what the viewer may know. Taught courses are public (the
 * catalogue is); a student's enrolments and anyone's sessions are shown to
 * themselves, to admins (and, for enrolments, teachers), and otherwise only
 * where the viewer is in them too.
 */
export class ProfileLinks {
  constructor(
    private readonly deps: DomainDeps<(typeof PROFILE_LINK_REPOSITORIES)[number]>,
    private readonly profiles: ProfileService,
  ) {}

  async courses(viewer: UserRecord, username: string): Promise<Course[]> {
    const { storage } = this.deps;
    const person = await this.profiles.visibleUser(viewer, username);
    const seesAll = viewer.id === person.id || viewer.isAdmin || viewer.role === 'teacher';
    const mine = new Set([
      ...(await storage.courses.listForTeacher(viewer.id)).map((c) => c.id as string),
      ...(await storage.enrolments.listForUser(viewer.id))
        .filter((e) => e.status === 'active')
        .map((e) => e.courseId as string),
    ]);
    const taught = (await storage.courses.listForTeacher(person.id)).filter((c) => !c.archived);
    const enrolled = (await storage.enrolments.listForUser(person.id))
      .filter((e) => e.status === 'active' && (seesAll || mine.has(e.courseId)))
      .map((e) => e.courseId);
    const courses = [
      ...taught,
      ...(await Promise.all(enrolled.map((id) => storage.courses.get(id)))).filter(
        (c) => c !== undefined,
      ),
    ];
    return Promise.all(courses.slice(0, 100).map((c) => toCourse(storage, c, viewer)));
  }

  async sessions(viewer: UserRecord, username: string): Promise<Session[]> {
    const { storage } = this.deps;
    const person = await this.profiles.visibleUser(viewer, username);
    const seesAll = viewer.id === person.id || viewer.isAdmin;
    const viewerIn = new Map(
      (await storage.sessionMembers.listForUser(viewer.id))
        .filter((m) => m.status === 'active')
        .map((m) => [m.sessionId as string, m.role]),
    );
    const theirs = (await storage.sessionMembers.listForUser(person.id)).filter(
      (m) => m.status === 'active' && (seesAll || viewerIn.has(m.sessionId)),
    );
    const sessions = (
      await Promise.all(theirs.map((m) => storage.sessions.get(m.sessionId)))
    ).filter((s) => s !== undefined);
    return Promise.all(
      sessions.slice(0, 100).map((s) =>
        toSession(
          storage,
          s,
          {
            user: viewer,
            session: {
              userId: viewer.id,
              isHost: s.hostId === viewer.id,
              isAdmin: viewer.isAdmin,
            },
          },
          viewerIn.get(s.id) ?? null,
        ),
      ),
    );
  }
}
