import { ZipArchive } from 'archiver';
import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { DeadlineId } from '../../../src-shared/schemas/deadlines';
import type { SubmissionRecord, UserRecord } from '../../storage/records';
import { formerMember } from '../accounts/views';
import type { DomainDeps } from '../deps';
import type { FileReply } from '../file-reply';
import { assertManages, courseAccess, deadlineAccess } from '../access/course-access';
import { csvRow } from './csv';
import { ACCESS_REPOSITORIES } from '../access/ports';

/** The repositories SubmissionExports reads and writes (createHub hands it exactly these). */
export const SUBMISSION_EXPORT_REPOSITORIES = [
  ...ACCESS_REPOSITORIES,
  'blobs',
  'grades',
  'submissions',
] as const;

/** What a teacher takes away from a course: every latest submission as a zip, grades as CSV. */
export class SubmissionExports {
  constructor(private readonly deps: DomainDeps<(typeof SUBMISSION_EXPORT_REPOSITORIES)[number]>) {}

  /** Each student's latest version, streamed into a zip: `<username>/<file>` (never buffered whole). */
  async zip(actor: UserRecord, deadlineId: DeadlineId): Promise<FileReply> {
    const { deadline, access } = await deadlineAccess(this.deps.storage, actor, deadlineId);
    assertManages(actor, access, 'download every submission');
    const latest = new Map<UserId, SubmissionRecord>();
    for (const s of await this.deps.storage.submissions.listForDeadline(deadlineId))
      latest.set(s.studentId, s);
    const entries: {
      name: string;
      blobId: SubmissionRecord['files'][number]['blobId'];
      date: Date;
    }[] = [];
    for (const submission of latest.values()) {
      const student =
        (await this.deps.storage.users.get(submission.studentId)) ??
        formerMember(submission.studentId);
      const used = new Set<string>();
      for (const file of submission.files) {
        let name = file.fileName;
        for (let n = 2; used.has(name); n++) name = `${n}-${file.fileName}`;
        used.add(name);
        entries.push({
          name: `${student.username}/${name}`,
          blobId: file.blobId,
          date: new Date(submission.submittedAt),
        });
      }
    }
    const { blobs } = this.deps.storage;
    return {
      kind: 'stream',
      contentType: 'application/zip',
      fileName: `${access.course.code}-${deadline.title}.zip`,
      open: () => {
        const archive = new ZipArchive({ zlib: { level: 6 } });
        for (const entry of entries)
          archive.append(blobs.read(entry.blobId), { name: entry.name, date: entry.date });
        void archive.finalize().catch(() => undefined); // an error also reaches the stream, and the sender
        return archive;
      },
    };
  }

  /** One row per student who ever enrolled, one column per deadline; every cell quoted and made inert for spreadsheets. */
  async gradesCsv(actor: UserRecord, courseId: CourseId): Promise<FileReply> {
    const access = await courseAccess(this.deps.storage, actor, courseId);
    assertManages(actor, access, 'export grades');
    const deadlines = (await this.deps.storage.deadlines.listForCourse(courseId)).sort((a, b) =>
      a.dueAt.localeCompare(b.dueAt),
    );
    const grades = new Map(
      (await this.deps.storage.grades.listByCourse(courseId)).map((g) => [g.id, g]),
    );
    const lines = [
      [
        'username',
        'first name',
        'last name',
        ...deadlines.map((d) => `${d.title} (/${d.maxPoints})`),
      ],
    ];
    for (const enrolment of await this.deps.storage.enrolments.listForCourse(courseId)) {
      const student =
        (await this.deps.storage.users.get(enrolment.userId)) ?? formerMember(enrolment.userId);
      lines.push([
        student.username,
        student.firstName,
        student.lastName,
        ...deadlines.map((d) => String(grades.get(`${d.id}:${student.id}`)?.points ?? '')),
      ]);
    }
    const text = lines.map(csvRow).join('\r\n') + '\r\n';
    return {
      kind: 'stream',
      contentType: 'text/csv; charset=utf-8',
      fileName: `${access.course.code}-grades.csv`,
      open: () => text,
    };
  }
}
