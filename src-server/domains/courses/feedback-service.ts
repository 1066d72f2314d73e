import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { CourseFeedback } from '../../../src-shared/schemas/submissions';
import { DomainError } from '../../domain-error';
import type { FeedbackRecord, UserRecord } from '../../storage/records';
import { formerMember, toSummary } from '../accounts/views';
import type { DomainDeps } from '../deps';
import { courseAccess } from '../access/course-access';
import { ACCESS_REPOSITORIES } from '../access/ports';

/** The repositories FeedbackService reads and writes (createHub hands it exactly these). */
export const FEEDBACK_REPOSITORIES = [...ACCESS_REPOSITORIES, 'feedback'] as const;

/**
 * Course feedback. An anonymous author is stored (for moderation) but this
 * view is the only way feedback leaves the hub, and it names an anonymous
 * author to the admin alone.
 */
export class FeedbackService {
  constructor(private readonly deps: DomainDeps<(typeof FEEDBACK_REPOSITORIES)[number]>) {}

  /** For the course's people (its teacher, students active or finished) and admins: others learn nothing, not even who rated. */
  async summary(actor: UserRecord, courseId: CourseId) {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    const status = access.enrolment?.status;
    if (!access.isTeacher && !actor.isAdmin && status !== 'active' && status !== 'completed')
      throw new DomainError(
        'FORBIDDEN',
        status === 'blocked'
          ? 'Your teacher has blocked you from this course.'
          : 'Course feedback is for the course’s teacher and students. Enrol in the course to read it.',
      );
    const all = await this.deps.storage.feedback.listByCourse(courseId);
    const distribution = [0, 0, 0, 0, 0];
    for (const f of all) distribution[f.rating - 1]! += 1;
    const items = await Promise.all([...all].reverse().map((f) => this.view(f, actor)));
    const average = all.length
      ? Math.round((all.reduce((sum, f) => sum + f.rating, 0) / all.length) * 10) / 10
      : null;
    return { average, count: all.length, distribution, items };
  }

  async give(
    actor: UserRecord,
    courseId: CourseId,
    input: { rating: number; comment: string; anonymous: boolean },
  ): Promise<CourseFeedback> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    const status = access.enrolment?.status;
    if (status !== 'active' && status !== 'completed') {
      throw new DomainError(
        'FORBIDDEN',
        'Only students enrolled in (or finished with) the course can give feedback.',
      );
    }
    const id = `${courseId}:${actor.id}`;
    const now = this.deps.now().toISOString();
    const existing = await this.deps.storage.feedback.get(id);
    const feedback = await this.deps.storage.feedback.put({
      id,
      courseId,
      studentId: actor.id,
      ...input,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    this.deps.bus.publish('feedback.given', { feedback, course: access.course });
    return this.view(feedback, actor);
  }

  /** Moderation: an admin takes down a student's feedback; the student may give it again. */
  async remove(actor: UserRecord, courseId: CourseId, studentId: UserId): Promise<void> {
    if (!actor.isAdmin)
      throw new DomainError('FORBIDDEN', 'Only an admin can delete course feedback.');
    const access = await courseAccess(this.deps.storage, actor, courseId);
    const feedback = await this.deps.storage.feedback.get(`${courseId}:${studentId}`);
    if (!feedback)
      throw new DomainError('NOT_FOUND', 'This student has given no feedback on the course.');
    await this.deps.storage.feedback.delete(feedback.id);
    this.deps.bus.publish('feedback.removed', {
      feedback,
      course: access.course,
      actorId: actor.id,
    });
  }

  private async view(f: FeedbackRecord, viewer: UserRecord): Promise<CourseFeedback> {
    const showAuthor = !f.anonymous || viewer.isAdmin;
    const author = showAuthor
      ? ((await this.deps.storage.users.get(f.studentId)) ?? formerMember(f.studentId))
      : undefined;
    return {
      rating: f.rating,
      comment: f.comment,
      anonymous: f.anonymous,
      ...(author ? { author: toSummary(author, viewer) } : {}),
      mine: f.studentId === viewer.id,
      createdAt: f.createdAt,
      updatedAt: f.updatedAt,
    };
  }
}
