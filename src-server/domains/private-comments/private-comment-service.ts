import { randomUUID } from 'node:crypto';
import type { UserId } from '../../../src-shared/ids';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type { DeadlineId } from '../../../src-shared/schemas/deadlines';
import type { PrivateComment } from '../../../src-shared/schemas/private-comments';
import { DomainError } from '../../domain-error';
import type { UserRecord, WorkCommentRecord } from '../../storage/records';
import { formerMember, toSummary } from '../accounts/views';
import { workAccess } from '../access/work-access';
import type { DomainDeps } from '../deps';
import { pageOfList } from '../paging';
import type { Actor } from '../../../src-shared/permissions';

/** The live copy goes to both sides' devices, so it is worded for a viewer who sees no emails. */
const NO_EMAILS: Actor = { role: 'student', isAdmin: false };

/** The narrow port: the thread, and what the access rule reads. */
export const PRIVATE_COMMENT_REPOSITORIES = [
  'workComments',
  'courses',
  'enrolments',
  'deadlines',
  'users',
] as const;
type Deps = DomainDeps<(typeof PRIVATE_COMMENT_REPOSITORIES)[number]>;

/** A private thread on one student's work: that student and the teacher write, an admin reads. */
export class PrivateCommentService {
  constructor(private readonly deps: Deps) {}

  async list(
    actor: UserRecord,
    deadlineId: DeadlineId,
    studentId: UserId,
    query: PageQuery,
  ): Promise<Page<PrivateComment>> {
    await workAccess(this.deps.storage, actor, deadlineId, studentId);
    const all = await this.deps.storage.workComments.listForWork(deadlineId, studentId);
    return pageOfList(all, query, (c) => this.view(actor, c));
  }

  async create(
    actor: UserRecord,
    deadlineId: DeadlineId,
    studentId: UserId,
    text: string,
  ): Promise<PrivateComment> {
    const { deadline, course, mayWrite } = await workAccess(
      this.deps.storage,
      actor,
      deadlineId,
      studentId,
    );
    if (!mayWrite)
      throw course.archived
        ? new DomainError('CONFLICT', `${course.code} is archived: its comments can only be read.`)
        : new DomainError('FORBIDDEN', 'Only this student and their teacher write here.');
    const comment = await this.deps.storage.workComments.insert({
      id: randomUUID(),
      deadlineId,
      courseId: course.id,
      studentId,
      authorId: actor.id,
      text,
      createdAt: this.deps.now().toISOString(),
    });
    const view = await this.view(NO_EMAILS, comment);
    this.deps.bus.publish('work-comment.created', { comment, deadline, course, view });
    return this.view(actor, comment);
  }

  async view(viewer: Actor, c: WorkCommentRecord): Promise<PrivateComment> {
    const author = (await this.deps.storage.users.get(c.authorId)) ?? formerMember(c.authorId);
    return {
      id: c.id,
      deadlineId: c.deadlineId,
      studentId: c.studentId,
      author: toSummary(author, viewer),
      text: c.text,
      createdAt: c.createdAt,
    };
  }
}
