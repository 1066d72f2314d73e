import type { cellStatus } from '../../../../src-shared/gradebook';
import type { GradebookAssignment, GradebookRow } from '../../../../src-shared/schemas/gradebook';
import type { Translate } from '../../../app/i18n';

export type GradebookCell = GradebookRow['cells'][number];
export type CellStatus = ReturnType<typeof cellStatus>;

/** The DOM id of a cell, so keyboard moves can focus it after the virtualiser renders it. */
export const cellId = (row: number, col: number) => `gradebook-cell-${row}-${col}`;

/** Work that came in after its deadline: marked beside its points, and said in its label. */
export function isLate(assignment: GradebookAssignment, cell: GradebookCell): boolean {
  return cell.submittedAt !== null && Date.parse(cell.submittedAt) > Date.parse(assignment.dueAt);
}

/** "Emma Adams, Lab: 18 / 20" (", late" when it came in late), or "…: Missing". */
export function cellLabel(
  name: string,
  a: GradebookAssignment,
  cell: GradebookCell,
  status: CellStatus,
  t: Translate,
): string {
  if (cell.points === null) return `${name}, ${a.title}: ${t(`work.status.${status}`)}`;
  const late = isLate(a, cell);
  const points = t('gradebook.points', { points: cell.points, max: a.maxPoints });
  return `${name}, ${a.title}: ${points}${late ? `, ${t('work.status.late').toLowerCase()}` : ''}`;
}
