import type { z } from 'zod';
import type { Page } from '../../../src-shared/pagination';
import type {
  AdminDeadline,
  AdminEnrolment,
  AdminFeedback,
  AdminMaterial,
  AdminSubmission,
  adminEnrolmentQuerySchema,
  adminRecordQuerySchema,
} from '../../../src-shared/schemas/admin';
import type { DeadlineId } from '../../../src-shared/schemas/deadlines';
import type { EnrolmentRecord } from '../../storage/records';
import type { DomainDeps } from '../deps';
import { windowOf } from '../paging';
import { RECORD_LOOKUP_REPOSITORIES, RecordLookup, resolveSearch, showPage } from './record-lookup';

type RecordQuery = z.output<typeof adminRecordQuerySchema>;
type EnrolmentQuery = z.output<typeof adminEnrolmentQuerySchema>;

/** The repositories AdminCourseRecords reads and writes (createHub hands it exactly these). */
export const ADMIN_COURSE_RECORD_REPOSITORIES = [
  ...RECORD_LOOKUP_REPOSITORIES,
  'deadlines',
  'enrolments',
  'feedback',
  'materials',
  'submissions',
] as const;

/**
 * The admin panel's lists of course records. Read-only: changes go through
 * the course services (with the admin as actor) so their events still fire.
 */
export class AdminCourseRecords {
  constructor(
    private readonly deps: DomainDeps<(typeof ADMIN_COURSE_RECORD_REPOSITORIES)[number]>,
  ) {}

  async enrolments(query: EnrolmentQuery): Promise<Page<AdminEnrolment>> {
    const search = await resolveSearch(this.deps.storage, query.q);
    const matches =
      search || query.status
        ? (e: EnrolmentRecord) =>
            (!query.status || e.status === query.status) &&
            (!search || search.courseIds.has(e.courseId) || search.userIds.has(e.userId))
        : undefined;
    const slice = await this.deps.storage.enrolments.pageAll(windowOf(query), matches);
    const lookup = this.lookup();
    return showPage(slice, query, async (e) => ({
      id: e.id,
      course: await lookup.course(e.courseId),
      student: await lookup.person(e.userId),
      status: e.status,
      enrolledAt: e.enrolledAt,
      updatedAt: e.updatedAt,
    }));
  }

  async materials(query: RecordQuery): Promise<Page<AdminMaterial>> {
    const search = await resolveSearch(this.deps.storage, query.q);
    const slice = await this.deps.storage.materials.pageAll(
      windowOf(query),
      search && ((m) => search.courseIds.has(m.courseId) || search.says(m.title, m.file.fileName)),
    );
    const lookup = this.lookup();
    return showPage(slice, query, async (m) => ({
      id: m.id,
      course: await lookup.course(m.courseId),
      title: m.title,
      fileName: m.file.fileName,
      size: m.file.size,
      createdAt: m.createdAt,
    }));
  }

  async deadlines(query: RecordQuery): Promise<Page<AdminDeadline>> {
    const search = await resolveSearch(this.deps.storage, query.q);
    const slice = await this.deps.storage.deadlines.pageAll(
      windowOf(query),
      search && ((d) => search.courseIds.has(d.courseId) || search.says(d.title)),
    );
    const lookup = this.lookup();
    return showPage(slice, query, async (d) => ({
      id: d.id,
      course: await lookup.course(d.courseId),
      title: d.title,
      dueAt: d.dueAt,
      createdAt: d.createdAt,
    }));
  }

  async submissions(query: RecordQuery): Promise<Page<AdminSubmission>> {
    const search = await resolveSearch(this.deps.storage, query.q);
    const slice = await this.deps.storage.submissions.pageAll(
      windowOf(query),
      search && ((s) => search.courseIds.has(s.courseId) || search.userIds.has(s.studentId)),
    );
    const lookup = this.lookup();
    const deadlineTitle = (id: DeadlineId) =>
      this.deps.storage.deadlines.get(id).then((d) => d?.title ?? '(deleted)');
    return showPage(slice, query, async (s) => ({
      id: s.id,
      deadline: { id: s.deadlineId, title: await deadlineTitle(s.deadlineId) },
      course: await lookup.course(s.courseId),
      student: await lookup.person(s.studentId),
      version: s.version,
      late: s.late,
      submittedAt: s.submittedAt,
      files: s.files.map((f) => ({ id: f.id, fileName: f.fileName, size: f.size })),
    }));
  }

  /** Anonymous authors are named: this list is the admin's alone (the route says so). */
  async feedback(query: RecordQuery): Promise<Page<AdminFeedback>> {
    const search = await resolveSearch(this.deps.storage, query.q);
    const slice = await this.deps.storage.feedback.pageAll(
      windowOf(query),
      search &&
        ((f) =>
          search.courseIds.has(f.courseId) ||
          search.userIds.has(f.studentId) ||
          search.says(f.comment)),
    );
    const lookup = this.lookup();
    return showPage(slice, query, async (f) => ({
      course: await lookup.course(f.courseId),
      author: await lookup.person(f.studentId),
      anonymous: f.anonymous,
      rating: f.rating,
      comment: f.comment,
      updatedAt: f.updatedAt,
    }));
  }

  private lookup() {
    return new RecordLookup(this.deps.storage);
  }
}
