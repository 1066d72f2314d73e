import type { UserId } from '../../../src-shared/ids';
import type { CourseId } from '../../../src-shared/schemas/courses';
import type { DeadlineId } from '../../../src-shared/schemas/deadlines';
import type { Gradebook, GradebookFilter } from '../../../src-shared/schemas/gradebook';
import { createStore } from '../../app/createStore';
import { api } from '../../app/hub-client';

export interface GradebookState {
  /** The open course's gradebook (a student's holds their own row only). */
  book: Gradebook | null;
}

/** The gradebook of the open course page: one request for the whole grid. */
export const gradebookStore = createStore<GradebookState>({ book: null });

export async function loadGradebook(courseId: CourseId): Promise<void> {
  const book = await api.call('gradebook', { params: { courseId } });
  gradebookStore.set({ book });
}

/** Points only: the written feedback given in the submissions view stays as it was. */
export async function gradeCell(deadlineId: DeadlineId, userId: UserId, points: number) {
  const grade = await api.call('gradeSubmission', {
    params: { deadlineId, userId },
    body: { points },
  });
  gradebookStore.set(({ book }) => {
    if (!book) return {};
    const column = book.assignments.findIndex((a) => a.id === deadlineId);
    return {
      book: {
        ...book,
        rows: book.rows.map((row) =>
          row.student.id !== userId
            ? row
            : {
                ...row,
                cells: row.cells.map((cell, i) =>
                  i === column ? { ...cell, points: grade.points, gradedAt: grade.gradedAt } : cell,
                ),
              },
        ),
      },
    };
  });
}

export function gradebookCsvUrl(courseId: CourseId, filter: GradebookFilter): string {
  // url() takes no query; the filter is appended the way the client encodes queries.
  const search = new URLSearchParams();
  if (filter.q) search.set('q', filter.q);
  if (filter.status) search.set('status', filter.status);
  const qs = search.toString();
  return `${api.url('gradebookCsv', { courseId })}${qs ? `?${qs}` : ''}`;
}
