import type { Response } from 'express';
import { ZipArchive } from 'archiver';
import type { UserId } from '../../../src-shared/ids';
import type { CourseId, DeadlineId } from '../../../src-shared/schemas/courses';
import type { SubmissionRecord, UserRecord } from '../../storage/records';
import { formerMember } from '../accounts/views';
import type { DomainDeps } from '../deps';
import { assertManages, courseAccess, deadlineAccess } from '../access/course-access';

/** What a teacher takes away from a course: every latest submission as a zip, grades as CSV. */
export class SubmissionExports {
  constructor(private readonly deps: DomainDeps) {}

  /** Each student's latest version, streamed into a zip: `<username>/<file>` (never buffered whole). */
  async zip(actor: UserRecord, deadlineId: DeadlineId, res: Response): Promise<void> {
    const { deadline, access } = await deadlineAccess(this.deps.storage, actor, deadlineId);
    assertManages(actor, access, 'download every submission');
    const latest = new Map<UserId, SubmissionRecord>();
    for (const s of await this.deps.storage.submissions.listForDeadline(deadlineId))
      latest.set(s.studentId, s);
    const archive = new ZipArchive({ zlib: { level: 6 } });
    res.type('application/zip');
    res.attachment(`${access.course.code}-${deadline.title}.zip`);
    const done = new Promise<void>((resolve, reject) => {
      archive.on('error', reject);
      res.on('finish', resolve).on('close', resolve);
    });
    archive.pipe(res);
    for (const submission of latest.values()) {
      const student =
        (await this.deps.storage.users.get(submission.studentId)) ??
        formerMember(submission.studentId);
      const used = new Set<string>();
      for (const file of submission.files) {
        let name = file.fileName;
        for (let n = 2; used.has(name); n++) name = `${n}-${file.fileName}`;
        used.add(name);
        archive.append(this.deps.storage.blobs.read(file.blobId), {
          name: `${student.username}/${name}`,
          date: new Date(submission.submittedAt),
        });
      }
    }
    await archive.finalize();
    await done;
  }

  /** One row per student who ever enrolled, one column per deadline; formula-looking cells are neutralised for spreadsheets. */
  async gradesCsv(actor: UserRecord, courseId: CourseId, res: Response): Promise<void> {
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
    res.type('text/csv; charset=utf-8');
    res.attachment(`${access.course.code}-grades.csv`);
    res.send(lines.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n');
  }
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
