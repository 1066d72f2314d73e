import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserId } from '../src-shared/ids';
import type { CourseId, DeadlineId } from '../src-shared/schemas/courses';
import type { SubmissionId } from '../src-shared/schemas/submissions';
import { createHub } from '../src-server/hub';
import { startHub } from './support/bench-hub';
import { createLogger } from '../src-server/logger';
import { openStorage } from '../src-server/storage/open-storage';
import { newcomer } from '../tests/support/people';
import { call } from '../tests/support/http';

/**
 * The gradebook with 500 students × 40 assignments: the time for the hub to
 * answer the whole grid (one request) and to grade one cell. People, course
 * and deadlines go through the API; the 500 accounts, enrolments, 20,000
 * submissions and 10,000 grades are written straight into the data folder
 * (through the HTTP API they would take many minutes of bcrypt and uploads).
 * `npx tsx bench/gradebook.ts [students] [assignments]`; `runGradebookBench()` for run.ts.
 */
export interface GradebookFigures {
  students: number;
  assignments: number;
  seedMs: number;
  gridBytes: number;
  loadMs: { first: number; median: number; min: number; max: number };
  gradeMs: { median: number; min: number; max: number };
}

const ROUNDS = 7;

export async function runGradebookBench(
  students = 500,
  assignments = 40,
): Promise<GradebookFigures> {
  const dataDir = await mkdtemp(join(tmpdir(), 'classhub-gradebook-bench-'));
  const logger = createLogger('silent');
  try {
    const started = performance.now();
    const { courseId, deadlineIds, teacherLogin } = await setUp(dataDir, assignments);
    await seed(dataDir, logger, courseId, deadlineIds, students, teacherLogin.username);
    const seedMs = performance.now() - started;

    // Measured: the built hub in its own process, as `npm run hub` runs it.
    const hub = await startHub({ dataDir, logLevel: 'silent' });
    try {
      const token = (await call(hub.url, 'signIn', { body: teacherLogin })).body.tokens
        .accessToken as string;
      const load = () => call(hub.url, 'gradebook', { token, params: { courseId } });
      const loads: number[] = [];
      let gridBytes = 0;
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        const reply = await load();
        loads.push(performance.now() - t0);
        if (reply.status !== 200) throw new Error(`gradebook answered ${reply.status}`);
        gridBytes = JSON.stringify(reply.body).length;
      }
      // Row i is student i (sorted by last name); cell (i, 2i) always has work: 3 in 4 cells do, never n % 4 = 3.
      const book = (await load()).body as { rows: { student: { id: string } }[] };
      const grades: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        const t0 = performance.now();
        const reply = await call(hub.url, 'gradeSubmission', {
          token,
          params: {
            deadlineId: deadlineIds[(2 * i) % deadlineIds.length]!,
            userId: book.rows[i]!.student.id,
          },
          body: { points: 7 },
        });
        grades.push(performance.now() - t0);
        if (reply.status !== 200) throw new Error(`grading answered ${reply.status}`);
      }
      const [first, ...rest] = loads;
      const figures: GradebookFigures = {
        students,
        assignments,
        seedMs,
        gridBytes,
        loadMs: { first: first!, ...stats(rest) },
        gradeMs: stats(grades),
      };
      print(figures);
      return figures;
    } finally {
      await hub.stop();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** An admin, a teacher, one course with room for everyone, and the deadlines, through the API. */
async function setUp(dataDir: string, assignments: number) {
  const hub = await createHub({ dataDir, port: 0, logLevel: 'silent', verification: 'none' });
  try {
    const person = async (role: 'teacher' | 'student') => {
      const input = newcomer({ role });
      const reply = await call(hub.url, 'register', { body: input });
      if (reply.status !== 201) throw new Error(`register answered ${reply.status}`);
      const signedIn = await call(hub.url, 'signIn', {
        body: { username: input.username, password: input.password },
      });
      return { login: { username: input.username, password: input.password }, ...signedIn.body };
    };
    await person('teacher'); // the first account is the admin
    const teacher = await person('teacher');
    const token = teacher.tokens.accessToken as string;
    const course = await call(hub.url, 'createCourse', {
      token,
      body: { title: 'Bench course', capacity: 1000 },
    });
    const courseId = course.body.id as CourseId;
    const deadlineIds: DeadlineId[] = [];
    for (let i = 0; i < assignments; i++) {
      // Half due already, half still to come: every status shows up in the grid.
      const dueAt = new Date(Date.now() + (i - assignments / 2) * 86_400_000).toISOString();
      const reply = await call(hub.url, 'createDeadline', {
        token,
        params: { courseId },
        body: { title: `Assignment ${i + 1}`, dueAt, maxPoints: 20 },
      });
      deadlineIds.push(reply.body.id as DeadlineId);
    }
    return { courseId, deadlineIds, teacherLogin: teacher.login };
  } finally {
    await hub.close();
  }
}

/** Students, enrolments, a submission for 3 in 4 cells and a grade for half, in batches (group commit). */
async function seed(
  dataDir: string,
  logger: ReturnType<typeof createLogger>,
  courseId: CourseId,
  deadlineIds: readonly DeadlineId[],
  students: number,
  teacherName: string,
) {
  const storage = await openStorage(dataDir, logger);
  try {
    const now = new Date().toISOString();
    // The teacher's record lends its shape (and password hash) to the seeded students.
    const template = (await storage.users.findByUsername(teacherName))!;
    const ids: UserId[] = [];
    await batched(students, async (i) => {
      const id = `bench-student-${i}` as UserId;
      ids.push(id);
      await storage.users.insert({
        ...template,
        id,
        username: `bench${i}`,
        email: `bench${i}@school.test`,
        firstName: `Student${i}`,
        lastName: `Bench${String(i).padStart(4, '0')}`,
        role: 'student',
        isAdmin: false,
      });
      await storage.enrolments.activateIfRoom(
        { id: '', courseId, userId: id, status: 'active', enrolledAt: now, updatedAt: now },
        1000,
      );
    });
    const cells = ids.flatMap((studentId) =>
      deadlineIds.map((deadlineId) => ({ studentId, deadlineId })),
    );
    await batched(cells.length, async (n) => {
      const { studentId, deadlineId } = cells[n]!;
      if (n % 4 === 3) return;
      await storage.submissions.addVersion({
        id: `bench-sub-${n}` as SubmissionId,
        deadlineId,
        courseId,
        studentId,
        comment: '',
        files: [],
        submittedAt: now,
        late: false,
      });
      if (n % 2 === 0)
        await storage.grades.put({
          id: `${deadlineId}:${studentId}`,
          deadlineId,
          courseId,
          studentId,
          points: n % 21,
          feedback: '',
          graderId: studentId,
          gradedAt: now,
        });
    });
  } finally {
    await storage.close();
  }
}

async function batched(count: number, work: (i: number) => Promise<void>, size = 500) {
  for (let start = 0; start < count; start += size)
    await Promise.all(
      Array.from({ length: Math.min(size, count - start) }, (_, k) => work(start + k)),
    );
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    median: sorted[Math.floor(sorted.length / 2)]!,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

function print(f: GradebookFigures) {
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  console.log(
    `\nGradebook, ${f.students} students × ${f.assignments} assignments (seeded in ${ms(f.seedMs)})`,
  );
  console.log(`  grid reply: ${(f.gridBytes / 1024 / 1024).toFixed(1)} MB of JSON`);
  console.log(
    `  load the grid (one request): first ${ms(f.loadMs.first)}, then median ${ms(f.loadMs.median)} (${ms(f.loadMs.min)}–${ms(f.loadMs.max)})`,
  );
  console.log(
    `  grade a cell: median ${ms(f.gradeMs.median)} (${ms(f.gradeMs.min)}–${ms(f.gradeMs.max)})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [students, assignments] = process.argv.slice(2).map(Number);
  await runGradebookBench(students || undefined, assignments || undefined);
}
