import type { UserId } from '../../../src-shared/ids';
import type { CourseDeletionSummary, CourseId } from '../../../src-shared/schemas/courses';
import { DomainError } from '../../domain-error';
import type { CourseRecord, UserRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import { removeSession } from '../sessions/session-removal';

export const COURSE_DELETION_REPOSITORIES = [
  'courses',
  'enrolments',
  'materials',
  'deadlines',
  'submissions',
  'grades',
  'feedback',
  'announcements',
  'workComments',
  'uploads',
  'sessions',
  'sessionMembers',
  'posts',
  'comments',
  'audit',
] as const;
type Deps = DomainDeps<(typeof COURSE_DELETION_REPOSITORIES)[number]>;

function assertAdmin(actor: UserRecord): void {
  if (actor.isAdmin) return;
  throw new DomainError(
    'FORBIDDEN',
    actor.role === 'teacher'
      ? 'Only an admin can delete a course. Archive it instead: it stays readable and takes no new students.'
      : 'Only an admin can delete a course.',
  );
}

/**
 * An admin deleting a course with everything in it. Crash-safe by order:
 * the course is first marked deleted, which the courses repository hides
 * from every read at once (access checks answer 404 from then on), then its
 * parts are removed, each step by index and safe to run twice, and the
 * record goes last. A hub that dies half-way finishes at start-up
 * (`finishInterrupted`); until then nothing can reach the leftovers.
 */
export class CourseDeletion {
  constructor(private readonly deps: Deps) {}

  async preview(actor: UserRecord, courseId: CourseId): Promise<CourseDeletionSummary> {
    assertAdmin(actor);
    return this.summaryOf(await this.mustGet(courseId));
  }

  async delete(actor: UserRecord, courseId: CourseId): Promise<CourseDeletionSummary> {
    assertAdmin(actor);
    const course = await this.mustGet(courseId);
    const summary = await this.summaryOf(course);
    const memberIds = await this.memberIdsOf(course);
    // Hidden first: a second delete, a join or an edit from here on finds no course.
    if (!(await this.deps.storage.courses.markDeleted(course.id, this.deps.now().toISOString())))
      throw gone();
    await this.removeParts(course, actor.id);
    await this.deps.storage.audit.append('accounts', {
      action: 'course-deleted',
      actorId: actor.id,
      detail: `${course.code} ${course.id}`,
    });
    this.deps.bus.publish('course.deleted', { course, memberIds, actorId: actor.id });
    return summary;
  }

  /** Start-up: completes deletions a stopped hub left half done. Returns how many. */
  async finishInterrupted(): Promise<number> {
    const left = await this.deps.storage.courses.listMarkedDeleted();
    for (const course of left) {
      this.deps.logger.warn({ courseId: course.id }, 'finishing an interrupted course deletion');
      await this.removeParts(course, course.teacherId);
    }
    return left.length;
  }

  private async removeParts(course: CourseRecord, actorId: UserId): Promise<void> {
    const { storage, bus } = this.deps;
    for (const session of (await storage.sessions.all()).filter((s) => s.courseId === course.id))
      await removeSession(storage, bus, session, actorId);
    // File records before the content naming them, so a crash never loses track of a file.
    await storage.uploads.deleteMany(await this.fileIdsOf(course.id));
    await this.removeWorkComments(course.id);
    await storage.grades.deleteForCourse(course.id);
    await storage.feedback.deleteForCourse(course.id);
    await storage.submissions.deleteForCourse(course.id);
    await storage.announcements.deleteForCourse(course.id);
    await storage.deadlines.deleteForCourse(course.id);
    await storage.materials.deleteForCourse(course.id);
    await storage.enrolments.deleteForCourse(course.id);
    await storage.courses.delete(course.id);
  }

  /** Threads are kept per (deadline, student): every student the course ever held work or a seat for. */
  private async removeWorkComments(courseId: CourseId): Promise<void> {
    const { storage } = this.deps;
    const students = new Set<UserId>([
      ...(await storage.enrolments.listForCourse(courseId)).map((e) => e.userId),
      ...(await storage.submissions.listForCourse(courseId)).map((s) => s.studentId),
      ...(await storage.grades.listByCourse(courseId)).map((g) => g.studentId),
    ]);
    for (const deadline of await storage.deadlines.listForCourse(courseId))
      for (const studentId of students)
        await storage.workComments.deleteForWork(deadline.id, studentId);
  }

  private async fileIdsOf(courseId: CourseId) {
    const { storage } = this.deps;
    return [
      ...(await storage.materials.listForCourse(courseId)).map((m) => m.file.id),
      ...(await storage.announcements.listForCourse(courseId)).flatMap((a) =>
        a.files.map((f) => f.id),
      ),
      ...(await storage.submissions.listForCourse(courseId)).flatMap((s) =>
        s.files.map((f) => f.id),
      ),
    ];
  }

  private async memberIdsOf(course: CourseRecord): Promise<UserId[]> {
    const enrolled = await this.deps.storage.enrolments.listForCourse(course.id);
    return [...new Set([course.teacherId, ...enrolled.map((e) => e.userId)])];
  }

  private async summaryOf(course: CourseRecord): Promise<CourseDeletionSummary> {
    const { storage } = this.deps;
    return {
      enrolments: (await storage.enrolments.listForCourse(course.id)).length,
      materials: (await storage.materials.listForCourse(course.id)).length,
      deadlines: (await storage.deadlines.listForCourse(course.id)).length,
      submissions: (await storage.submissions.listForCourse(course.id)).length,
      announcements: (await storage.announcements.listForCourse(course.id)).length,
      sessions: (await storage.sessions.all()).filter((s) => s.courseId === course.id).length,
    };
  }

  private async mustGet(courseId: CourseId): Promise<CourseRecord> {
    const course = await this.deps.storage.courses.get(courseId);
    if (!course) throw gone();
    return course;
  }
}

const gone = () =>
  new DomainError('NOT_FOUND', 'This course does not exist (it may already be deleted).');
