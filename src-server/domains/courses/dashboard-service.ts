import type { z } from 'zod';
import type { UserId } from '../../../src-shared/ids';
import type { Page, PageQuery } from '../../../src-shared/pagination';
import type {
  ActivityItem,
  spectrumSchema,
  teachingSummarySchema,
  upcomingDeadlineSchema,
} from '../../../src-shared/schemas/dashboard';
import { fileKindOf } from '../../../src-shared/schemas/files';
import { DomainError } from '../../domain-error';
import type { CourseRecord, SubmissionRecord, UserRecord } from '../../storage/records';
import { formerMember, toSummary } from '../accounts/views';
import type { DomainDeps } from '../deps';
import { toStoredFile } from '../files/routes';
import { pageOfList } from '../paging';
import { toDeadline } from './views';

const WEEK = 7 * 86_400_000;
const AWAITING_LIMIT = 20;

/** The repositories DashboardService reads and writes (createHub hands it exactly these). */
export const DASHBOARD_REPOSITORIES = [
  'courses',
  'deadlines',
  'enrolments',
  'grades',
  'materials',
  'statusUpdates',
  'submissions',
  'users',
] as const;

/**
 * The dashboards. Everything starts from the viewer's own courses (by
 * index) and the people in them, so the cost follows what the person is
 * part of, never the size of the hub.
 */
export class DashboardService {
  constructor(private readonly deps: DomainDeps<(typeof DASHBOARD_REPOSITORIES)[number]>) {}

  async activity(actor: UserRecord, query: PageQuery): Promise<Page<ActivityItem>> {
    const { storage } = this.deps;
    const since = new Date(this.deps.now().getTime() - WEEK).toISOString();
    const courses = await this.coursesOf(actor);
    const items: ActivityItem[] = [];
    const people = new Set<UserId>();
    for (const course of courses) {
      people.add(course.teacherId);
      for (const e of await storage.enrolments.listForCourse(course.id))
        if (e.status === 'active') people.add(e.userId);
      for (const m of await storage.materials.listForCourse(course.id)) {
        if (m.createdAt >= since)
          items.push({
            type: 'material',
            at: m.createdAt,
            courseId: course.id,
            courseCode: course.code,
            title: m.title,
            kind: fileKindOf(m.file.contentType),
          });
      }
      for (const d of await storage.deadlines.listForCourse(course.id)) {
        if (d.createdAt >= since)
          items.push({
            type: 'deadline',
            at: d.createdAt,
            courseId: course.id,
            courseCode: course.code,
            title: d.title,
            dueAt: d.dueAt,
          });
      }
    }
    for (const personId of people) {
      const person = await storage.users.get(personId);
      if (!person) continue;
      // Each person's updates come newest first: stop at the first one older than a week.
      for (let page = 0; ; page++) {
        const slice = await storage.statusUpdates.pageByAuthor(personId, {
          offset: page * 20,
          limit: 20,
        });
        const recent = slice.items.filter((u) => u.createdAt >= since);
        items.push(
          ...recent.map((u) => ({
            type: 'status-update' as const,
            at: u.createdAt,
            author: toSummary(person, actor),
            text: u.text,
          })),
        );
        if (recent.length < slice.items.length || slice.items.length < 20) break;
      }
    }
    items.sort((a, b) => b.at.localeCompare(a.at));
    return pageOfList(items, query);
  }

  async upcoming(
    actor: UserRecord,
    limit: number,
  ): Promise<z.input<typeof upcomingDeadlineSchema>[]> {
    const now = this.deps.now().toISOString();
    const result = [];
    for (const course of await this.coursesOf(actor)) {
      for (const d of await this.deps.storage.deadlines.listForCourse(course.id)) {
        if (d.dueAt < now) continue;
        const submitted = (await this.deps.storage.submissions.listForDeadline(d.id)).some(
          (s) => s.studentId === actor.id,
        );
        result.push({ ...toDeadline(d), courseCode: course.code, submitted });
      }
    }
    return result.sort((a, b) => a.dueAt.localeCompare(b.dueAt)).slice(0, limit);
  }

  async spectrum(actor: UserRecord): Promise<z.input<typeof spectrumSchema>> {
    const rows = [];
    for (const course of await this.coursesOf(actor)) {
      const counts = { document: 0, slides: 0, media: 0, archive: 0, other: 0 };
      for (const m of await this.deps.storage.materials.listForCourse(course.id))
        counts[fileKindOf(m.file.contentType)] += 1;
      rows.push({
        courseId: course.id,
        courseCode: course.code,
        courseTitle: course.title,
        counts,
      });
    }
    return rows;
  }

  async teaching(actor: UserRecord): Promise<z.input<typeof teachingSummarySchema>> {
    const { storage } = this.deps;
    if (actor.role !== 'teacher')
      throw new DomainError('FORBIDDEN', 'The faculty hub is for teachers.');
    const courses = (await storage.courses.listForTeacher(actor.id)).filter((c) => !c.archived);
    const students = new Set<string>();
    const awaiting: (SubmissionRecord & { courseCode: string; deadlineTitle: string })[] = [];
    const rows = [];
    for (const course of courses) {
      const active = (await storage.enrolments.listForCourse(course.id)).filter(
        (e) => e.status === 'active',
      );
      active.forEach((e) => students.add(e.userId));
      rows.push({
        courseId: course.id,
        code: course.code,
        title: course.title,
        enrolled: active.length,
        capacity: course.capacity,
      });
      for (const deadline of await storage.deadlines.listForCourse(course.id)) {
        const latest = new Map<string, SubmissionRecord>();
        for (const s of await storage.submissions.listForDeadline(deadline.id))
          latest.set(s.studentId, s);
        for (const s of latest.values()) {
          const grade = await storage.grades.get(`${deadline.id}:${s.studentId}`);
          if (!grade || grade.gradedAt < s.submittedAt)
            awaiting.push({ ...s, courseCode: course.code, deadlineTitle: deadline.title });
        }
      }
    }
    awaiting.sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    const awaitingGrading = await Promise.all(
      awaiting.slice(0, AWAITING_LIMIT).map(async (s) => {
        const student = (await storage.users.get(s.studentId)) ?? formerMember(s.studentId);
        return {
          id: s.id,
          deadlineId: s.deadlineId,
          student: toSummary(student, actor),
          version: s.version,
          comment: s.comment,
          files: s.files.map(toStoredFile),
          submittedAt: s.submittedAt,
          late: s.late,
          courseCode: s.courseCode,
          deadlineTitle: s.deadlineTitle,
        };
      }),
    );
    return { courses: rows, activeStudents: students.size, awaitingGrading };
  }

  /** Courses the person teaches or is actively enrolled in (archived ones left out). */
  private async coursesOf(actor: UserRecord): Promise<CourseRecord[]> {
    const { storage } = this.deps;
    const taught = await storage.courses.listForTeacher(actor.id);
    const enrolled = (await storage.enrolments.listForUser(actor.id)).filter(
      (e) => e.status === 'active',
    );
    const joined = (await Promise.all(enrolled.map((e) => storage.courses.get(e.courseId)))).filter(
      (c) => c !== undefined,
    );
    return [...taught, ...joined].filter((c) => !c.archived);
  }
}
