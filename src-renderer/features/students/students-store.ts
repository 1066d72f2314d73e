import type { UserId } from '../../../src-shared/ids';
import type { Course, CourseId, EnrolmentStatus } from '../../../src-shared/schemas/courses';
import type { UserSummary } from '../../../src-shared/schemas/accounts';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

/** One person with their enrolments in the teacher's courses (the hub's TeacherStudent). */
export interface StudentRow {
  readonly student: UserSummary;
  readonly enrolments: readonly {
    readonly courseId: CourseId;
    readonly courseCode: string;
    readonly courseTitle: string;
    readonly status: EnrolmentStatus;
  }[];
}

export interface StudentsState {
  rows: readonly StudentRow[];
  total: number;
  /** 'loading' only while there is nothing to show yet: a refetch keeps 'ready' (see loadStudents). */
  status: 'idle' | 'loading' | 'ready' | 'failed';
  /** A fetch is on its way while the rows shown stay on screen. */
  refreshing: boolean;
  error: unknown;
  /** The courses this teacher teaches, for the course filter (archived ones included). */
  courses: readonly Course[];
  courseId: CourseId | 'all';
  query: string;
  statusFilter: EnrolmentStatus | 'any';
  page: number;
  /** Whose list this is: another sign-in on this window starts from fresh filters. */
  ownerId: UserId | undefined;
}

export const PAGE_SIZE = 20;

/** The teacher's Students page: everyone in their courses, each person once. */
export const studentsStore = createStore<StudentsState>({
  rows: [],
  total: 0,
  status: 'idle',
  refreshing: false,
  error: undefined,
  courses: [],
  courseId: 'all',
  query: '',
  statusFilter: 'any',
  page: 1,
  ownerId: undefined,
});

/** Called when the page opens: keeps the filters for the same person, forgets them for another. */
export function openStudentsFor(userId: UserId): void {
  if (studentsStore.get().ownerId === userId) return;
  studentsStore.reset();
  studentsStore.set({ ownerId: userId });
}

let latest = 0;

export async function loadStudents(): Promise<void> {
  const { courseId, query, statusFilter, page } = studentsStore.get();
  const ticket = ++latest;
  // Stale while revalidating: a live refetch or a new filter keeps the rows
  // (and the total) shown until the answer replaces them: no blank, no flicker.
  studentsStore.set((s) => ({
    status: s.status === 'ready' ? 'ready' : 'loading',
    refreshing: true,
  }));
  try {
    const result = await api.call('myStudents', {
      query: {
        courseId: courseId === 'all' ? undefined : courseId,
        q: query.trim() || undefined,
        status: statusFilter === 'any' ? undefined : statusFilter,
        page,
        pageSize: PAGE_SIZE,
      },
    });
    // A slower answer to older filters must not overwrite a newer one.
    if (ticket !== latest) return;
    studentsStore.set({
      rows: result.items,
      total: result.total,
      status: 'ready',
      refreshing: false,
      error: undefined,
    });
  } catch (error) {
    // The rows already shown stay, under the error.
    if (ticket === latest) studentsStore.set({ status: 'failed', refreshing: false, error });
  }
}

/** The course filter's choices: current and archived courses this person teaches. */
export async function loadTaughtCourses(): Promise<void> {
  const ask = (archived: 'true' | 'false') =>
    api.call('courses', { query: { scope: 'mine', archived, pageSize: 100 } });
  try {
    const [current, archived] = await Promise.all([ask('false'), ask('true')]);
    const taught = [...current.items, ...archived.items].filter((c) => c.joinCode !== undefined);
    studentsStore.set({ courses: taught.sort((a, b) => a.code.localeCompare(b.code)) });
  } catch {
    // The filter then offers "All courses" only; the list itself still works.
  }
}

export function setStudentFilters(
  change: Partial<Pick<StudentsState, 'courseId' | 'query' | 'statusFilter' | 'page'>>,
): void {
  studentsStore.set({ page: 1, ...change });
  void loadStudents();
}

/** The row changes in place at once: the teacher sees the new status without a reload. */
export async function setStudentStatus(
  userId: UserId,
  courseId: CourseId,
  status: 'active' | 'blocked',
): Promise<void> {
  const updated = await api.call('setEnrolmentStatus', {
    params: { courseId, userId },
    body: { status },
  });
  studentsStore.set((s) => ({
    rows: s.rows.map((row) =>
      row.student.id !== userId
        ? row
        : {
            ...row,
            enrolments: row.enrolments.map((e) =>
              e.courseId === courseId ? { ...e, status: updated.status } : e,
            ),
          },
    ),
  }));
}

/** Removes one enrolment; a person left with none leaves the list. */
export async function removeStudentFromCourse(userId: UserId, courseId: CourseId): Promise<void> {
  await api.call('removeEnrolment', { params: { courseId, userId } });
  studentsStore.set((s) => {
    const rows = s.rows.flatMap((row) => {
      if (row.student.id !== userId) return [row];
      const enrolments = row.enrolments.filter((e) => e.courseId !== courseId);
      return enrolments.length > 0 ? [{ ...row, enrolments }] : [];
    });
    return { rows, total: s.total - (s.rows.length - rows.length) };
  });
}
