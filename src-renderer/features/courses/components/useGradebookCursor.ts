import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { GradebookAssignment, GradebookRow } from '../../../../src-shared/schemas/gradebook';
import { gradeCell } from '../gradebook-store';
import { cellId } from './gradebook-cells';
import type { EditExit } from './GradebookCellEditor';

type Place = { row: number; col: number };

/**
 * The grid's spreadsheet behaviour: one active cell (the only one in the tab
 * order), arrows and Tab to move, Enter or a digit to edit, and saving an
 * edit before the cursor moves on. Focus follows the active cell once the
 * virtualiser has rendered it.
 */
export function useGradebookCursor({
  assignments,
  rows,
  scrollToRow,
  onError,
}: {
  assignments: readonly GradebookAssignment[];
  rows: readonly GradebookRow[];
  scrollToRow: (index: number) => void;
  onError: (error: unknown) => void;
}) {
  const [active, setActive] = useState<Place>({ row: 0, col: 0 });
  const [editing, setEditing] = useState<string | null>(null);
  const focusPending = useRef(false);
  const cols = assignments.length;

  // The rows may shrink under a filter: keep the active cell inside the grid.
  const row = Math.min(active.row, Math.max(0, rows.length - 1));
  const col = Math.min(active.col, Math.max(0, cols - 1));

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    document.getElementById(cellId(row, col))?.focus();
  });

  function moveTo(next: Place) {
    const target = {
      row: Math.max(0, Math.min(rows.length - 1, next.row)),
      col: Math.max(0, Math.min(cols - 1, next.col)),
    };
    setActive(target);
    scrollToRow(target.row);
    focusPending.current = true;
  }

  async function commit(value: string, then: Place | null) {
    const r = rows[row];
    const a = assignments[col];
    setEditing(null);
    if (then) moveTo(then);
    else focusPending.current = true;
    if (!r || !a || value.trim() === '') return;
    const points = Number(value);
    if (!Number.isFinite(points) || points === r.cells[col]?.points) return;
    try {
      await gradeCell(a.id, r.student.id, points);
    } catch (failure) {
      onError(failure);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (editing !== null) return; // the input handles its own keys
    const gradable = rows[row]?.cells[col]?.submittedAt != null;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      moveTo({ row: row + move[0], col: col + move[1] });
    } else if (event.key === 'Tab') {
      const next = col + (event.shiftKey ? -1 : 1);
      if (next < 0 || next >= cols) return; // leaves the grid
      event.preventDefault();
      moveTo({ row, col: next });
    } else if (event.key === 'Enter' && gradable) {
      event.preventDefault();
      setEditing(String(rows[row]!.cells[col]!.points ?? ''));
    } else if (/^[0-9]$/.test(event.key) && gradable) {
      event.preventDefault();
      setEditing(event.key);
    }
  }

  /** Saves the edit and moves as the key that ended it says. */
  function finishEdit(value: string, direction: EditExit) {
    const then: Record<EditExit, Place | null> = {
      down: { row: row + 1, col },
      right: { row, col: Math.min(cols - 1, col + 1) },
      left: { row, col: Math.max(0, col - 1) },
      stay: null,
    };
    void commit(value, then[direction]);
  }

  function cancelEdit() {
    setEditing(null);
    focusPending.current = true;
  }

  return {
    row,
    col,
    /** The text being edited in the active cell, or null when not editing. */
    editing,
    onKeyDown,
    select: (place: Place) => setActive(place),
    startEdit: (initial: string) => setEditing(initial),
    finishEdit,
    cancelEdit,
  };
}
