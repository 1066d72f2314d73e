import { randomUUID } from 'node:crypto';
import type { UserId } from '../../../src-shared/ids';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type { DeadlineId } from '../../../src-shared/schemas/deadlines';
import type { FileId } from '../../../src-shared/schemas/files';
import type { Grade, Submission, SubmissionId } from '../../../src-shared/schemas/submissions';
import type { z } from 'zod';
import type { deadlineOverviewRowSchema } from '../../../src-shared/schemas/submissions';
import { workStatus } from '../../../src-shared/work-status';
import { DomainError, fieldError } from '../../domain-error';
import { storedFile, type FileReply } from '../file-reply';
import { attachUploadsTo } from '../files/claim';
import type {
  DeadlineRecord,
  GradeRecord,
  SubmissionRecord,
  UserRecord,
} from '../../storage/records';
import { formerMember, toSummary } from '../accounts/views';
import type { DomainDeps } from '../deps';
import { toStoredFile } from '../files/routes';
import { assertManages, courseAccess, deadlineAccess } from '../access/course-access';
import { pageOfList } from '../paging';
import { IdempotentActions } from '../idempotency';
import { ACCESS_REPOSITORIES } from '../access/ports';

type OverviewRow = z.output<typeof deadlineOverviewRowSchema>;

/** The repositories SubmissionService reads and writes (createHub hands it exactly these). */
export const SUBMISSION_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'blobs',
  'grades',
  'submissions',
  'uploads',
] as const;

/** Submissions (versions kept, late flagged or refused) and grading. */
export class SubmissionService {
  constructor(private readonly deps: DomainDeps<(typeof SUBMISSION_REPOSITORIES)[number]>) {}

  private readonly resends = new IdempotentActions();

  /** A resend with the same clientId returns the version stored the first time. */
  async submit(
    actor: UserRecord,
    deadlineId: DeadlineId,
    input: { comment: string; fileIds: FileId[]; clientId?: string },
  ): Promise<Submission> {
    if (!input.clientId) return this.store(actor, deadlineId, randomUUID() as SubmissionId, input);
    const id = IdempotentActions.recordId('submission', actor.id, input.clientId) as SubmissionId;
    const stored = async () => {
      const earlier = await this.deps.storage.submissions.get(id);
      if (earlier && earlier.deadlineId === deadlineId) return this.toSubmission(earlier, actor);
      if (earlier)
        throw new DomainError(
          'CONFLICT',
          'This client id was already used for another submission.',
        );
      return undefined;
    };
    return this.resends.run(
      id,
      async () => (await stored()) ?? this.store(actor, deadlineId, id, input),
      stored,
    );
  }

  private async store(
    actor: UserRecord,
    deadlineId: DeadlineId,
    id: SubmissionId,
    { comment, fileIds }: { comment: string; fileIds: FileId[] },
  ): Promise<Submission> {
    const { deadline, access } = await this.load(actor, deadlineId);
    if (access.enrolment?.status !== 'active') {
      throw new DomainError(
        'FORBIDDEN',
        access.enrolment?.status === 'blocked'
          ? 'Your teacher has blocked you from this course.'
          : 'Only students enrolled in the course can submit.',
      );
    }
    const now = this.deps.now();
    const late = now > new Date(deadline.dueAt);
    if (late && !deadline.acceptLate)
      throw new DomainError(
        'CONFLICT',
        `The deadline “${deadline.title}” has passed and your teacher does not accept late work.`,
      );
    const submission = await attachUploadsTo(
      this.deps.storage,
      { actorId: actor.id, fileIds, owner: `submission:${id}` },
      (files) =>
        this.deps.storage.submissions.addVersion({
          id,
          deadlineId,
          courseId: deadline.courseId,
          studentId: actor.id,
          comment,
          submittedAt: now.toISOString(),
          late,
          files,
        }),
    );
    this.deps.bus.publish('submission.created', { submission, deadline, course: access.course });
    return this.toSubmission(submission, actor);
  }

  async mine(
    actor: UserRecord,
    deadlineId: DeadlineId,
  ): Promise<{ versions: Submission[]; grade: Grade | null }> {
    const { deadline } = await this.load(actor, deadlineId);
    const versions = (await this.deps.storage.submissions.listForDeadline(deadlineId))
      .filter((s) => s.studentId === actor.id)
      .reverse();
    const grade = await this.deps.storage.grades.get(`${deadlineId}:${actor.id}`);
    return {
      versions: await Promise.all(versions.map((s) => this.toSubmission(s, actor))),
      grade: grade ? toGrade(grade, deadline) : null,
    };
  }

  async overview(
    actor: UserRecord,
    deadlineId: DeadlineId,
    query: PageQuery,
  ): Promise<Page<OverviewRow>> {
    const { deadline, access } = await this.load(actor, deadlineId);
    assertManages(actor, access, 'see every submission');
    const all = await this.deps.storage.submissions.listForDeadline(deadlineId);
    const latest = new Map<UserId, SubmissionRecord>();
    for (const s of all) latest.set(s.studentId, s); // oldest first, so the last one wins
    const students = (await this.deps.storage.enrolments.listForCourse(deadline.courseId)).filter(
      (e) => e.status === 'active' || latest.has(e.userId),
    );
    const rows: OverviewRow[] = [];
    for (const enrolment of students) {
      const student =
        (await this.deps.storage.users.get(enrolment.userId)) ?? formerMember(enrolment.userId);
      const last = latest.get(enrolment.userId);
      const grade = await this.deps.storage.grades.get(`${deadlineId}:${enrolment.userId}`);
      rows.push({
        student: toSummary(student, actor),
        status: workStatus(
          {
            dueAt: deadline.dueAt,
            submittedAt: last?.submittedAt ?? null,
            gradedAt: grade?.gradedAt ?? null,
          },
          this.deps.now(),
        ),
        latest: last ? await this.toSubmission(last, actor) : null,
        grade: grade ? toGrade(grade, deadline) : null,
      });
    }
    rows.sort((a, b) => a.student.lastName.localeCompare(b.student.lastName));
    return pageOfList(rows, query);
  }

  async grade(
    actor: UserRecord,
    deadlineId: DeadlineId,
    studentId: UserId,
    points: number,
    feedback: string | undefined,
  ): Promise<Grade> {
    const { deadline, access } = await this.load(actor, deadlineId);
    assertManages(actor, access, 'grade');
    if (points > deadline.maxPoints)
      throw fieldError('points', `Points can be at most ${deadline.maxPoints} for this deadline.`);
    const submitted = (await this.deps.storage.submissions.listForDeadline(deadlineId)).some(
      (s) => s.studentId === studentId,
    );
    if (!submitted)
      throw new DomainError(
        'NOT_FOUND',
        'This student has not submitted anything for this deadline.',
      );
    const id = `${deadlineId}:${studentId}`;
    const grade = await this.deps.storage.grades.put({
      id,
      deadlineId,
      courseId: deadline.courseId,
      studentId,
      points,
      feedback: feedback ?? (await this.deps.storage.grades.get(id))?.feedback ?? '',
      graderId: actor.id,
      gradedAt: this.deps.now().toISOString(),
    });
    this.deps.bus.publish('grade.released', {
      grade,
      deadline,
      course: access.course,
      actorId: actor.id,
    });
    return toGrade(grade, deadline);
  }

  async download(
    actor: UserRecord,
    submissionId: SubmissionId,
    fileId: FileId,
  ): Promise<FileReply> {
    const submission = await this.deps.storage.submissions.get(submissionId);
    if (!submission) throw new DomainError('NOT_FOUND', 'This submission does not exist.');
    const access = await courseAccess(this.deps.storage, actor, submission.courseId);
    if (submission.studentId !== actor.id && !access.isTeacher && !actor.isAdmin) {
      throw new DomainError(
        'FORBIDDEN',
        'Only the student who submitted it and the course’s teacher can open this file.',
      );
    }
    const file = submission.files.find((f) => f.id === fileId);
    if (!file) throw new DomainError('NOT_FOUND', 'This submission has no such file.');
    return storedFile(this.deps.storage.blobs, file);
  }

  private load(actor: UserRecord, deadlineId: DeadlineId) {
    return deadlineAccess(this.deps.storage, actor, deadlineId);
  }

  private async toSubmission(s: SubmissionRecord, viewer: UserRecord): Promise<Submission> {
    const student = (await this.deps.storage.users.get(s.studentId)) ?? formerMember(s.studentId);
    return {
      id: s.id,
      deadlineId: s.deadlineId,
      student: toSummary(student, viewer),
      version: s.version,
      comment: s.comment,
      files: s.files.map(toStoredFile),
      submittedAt: s.submittedAt,
      late: s.late,
    };
  }
}

function toGrade(g: GradeRecord, deadline: DeadlineRecord): Grade {
  return {
    points: g.points,
    maxPoints: deadline.maxPoints,
    feedback: g.feedback,
    gradedAt: g.gradedAt,
  };
}
