import type {
  GradebookAssignment,
  GradebookCell,
  GradebookFilter,
  GradebookRow,
} from './schemas/gradebook';
import { workStatus, type WorkStatus } from './work-status';

/**
 * Gradebook arithmetic both sides share, so the grid, its CSV and a cell
 * graded a moment ago agree: statuses, filters and averages.
 */
export function cellStatus(
  assignment: GradebookAssignment,
  cell: GradebookCell,
  now: Date | number,
): WorkStatus {
  return workStatus(
    { dueAt: assignment.dueAt, submittedAt: cell.submittedAt, gradedAt: cell.gradedAt },
    now,
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A student's average: points earned over points possible on graded work, as a percentage (null before any grade). */
export function studentAverage(
  assignments: readonly GradebookAssignment[],
  row: GradebookRow,
): number | null {
  let earned = 0;
  let possible = 0;
  row.cells.forEach((cell, i) => {
    if (cell.points === null) return;
    earned += cell.points;
    possible += assignments[i]!.maxPoints;
  });
  return possible === 0 ? null : round1((earned / possible) * 100);
}

/** An assignment's average points over the graded work of the rows given (null before any grade). */
export function assignmentAverage(rows: readonly GradebookRow[], column: number): number | null {
  let sum = 0;
  let count = 0;
  for (const row of rows) {
    const points = row.cells[column]?.points;
    if (points === null || points === undefined) continue;
    sum += points;
    count += 1;
  }
  return count === 0 ? null : round1(sum / count);
}

/** The rows a filter keeps: a name or username containing `q`, and work in `status` somewhere. */
export function filterGradebook(
  assignments: readonly GradebookAssignment[],
  rows: readonly GradebookRow[],
  filter: GradebookFilter,
  now: Date | number,
): GradebookRow[] {
  const q = filter.q?.trim().toLowerCase();
  return rows.filter((row) => {
    if (q) {
      const { firstName, lastName, username } = row.student;
      const names = `${firstName} ${lastName} ${lastName} ${firstName} ${username}`.toLowerCase();
      if (!names.includes(q)) return false;
    }
    return (
      !filter.status ||
      row.cells.some((cell, i) => cellStatus(assignments[i]!, cell, now) === filter.status)
    );
  });
}
