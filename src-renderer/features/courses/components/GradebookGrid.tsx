import { Badge, Box, Group, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { assignmentAverage, cellStatus, studentAverage } from '../../../../src-shared/gradebook';
import type { GradebookAssignment, GradebookRow } from '../../../../src-shared/schemas/gradebook';
import { useT, type Translate } from '../../../app/i18n';
import { tones } from '../../../ui/tones';
import { gradeCell } from '../gradebook-store';
import { workTone } from '../work-status-look';
import classes from './GradebookGrid.module.css';

const ROW_HEIGHT = 44;
const NAME_WIDTH = 200;
const CELL_WIDTH = 120;
const AVERAGE_WIDTH = 100;

interface Props {
  assignments: readonly GradebookAssignment[];
  rows: readonly GradebookRow[];
  now: number;
  onError: (error: unknown) => void;
}

/**
 * Students × assignments, rows virtualised (500 students render ~20 rows).
 * Keyboard as in a spreadsheet: arrows move, Enter or a digit edits, Enter
 * saves and goes down, Tab saves and goes right (Shift+Tab left), Escape
 * cancels. One cell is in the tab order (roving focus).
 */
export function GradebookGrid({ assignments, rows, now, onError }: Props) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [editing, setEditing] = useState<string | null>(null);
  const focusPending = useRef(false);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const cols = assignments.length;
  const width = NAME_WIDTH + cols * CELL_WIDTH + AVERAGE_WIDTH;

  // The rows may shrink under a filter: keep the active cell inside the grid.
  const row = Math.min(active.row, Math.max(0, rows.length - 1));
  const col = Math.min(active.col, Math.max(0, cols - 1));

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    document.getElementById(cellId(row, col))?.focus();
  });

  function moveTo(next: { row: number; col: number }) {
    const target = {
      row: Math.max(0, Math.min(rows.length - 1, next.row)),
      col: Math.max(0, Math.min(cols - 1, next.col)),
    };
    setActive(target);
    virtualizer.scrollToIndex(target.row, { align: 'auto' });
    focusPending.current = true;
  }

  async function commit(value: string, then: { row: number; col: number } | null) {
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

  return (
    <Box
      ref={scrollRef}
      className={classes.scroller}
      role="grid"
      aria-label={t('gradebook.gridLabel')}
      aria-rowcount={rows.length + 1}
      aria-colcount={cols + 2}
      onKeyDown={onKeyDown}
    >
      <div style={{ width, position: 'relative' }}>
        <div role="row" aria-rowindex={1} className={classes.header} style={{ width }}>
          <div role="columnheader" className={classes.name} style={{ width: NAME_WIDTH }}>
            {t('gradebook.student')}
          </div>
          {assignments.map((a, i) => {
            const average = assignmentAverage(rows, i);
            return (
              <div
                key={a.id}
                role="columnheader"
                className={classes.cell}
                style={{ width: CELL_WIDTH }}
                title={a.title}
              >
                <Text size="xs" fw={700} truncate>
                  {a.title}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('gradebook.outOf', { max: a.maxPoints })} ·{' '}
                  {t('gradebook.avg', { average: average ?? '–' })}
                </Text>
              </div>
            );
          })}
          <div role="columnheader" className={classes.cell} style={{ width: AVERAGE_WIDTH }}>
            {t('gradebook.average')}
          </div>
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const r = rows[item.index]!;
            const name = `${r.student.firstName} ${r.student.lastName}`.trim();
            const average = studentAverage(assignments, r);
            return (
              <div
                key={r.student.id}
                role="row"
                aria-rowindex={item.index + 2}
                className={classes.row}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width }}
              >
                <div role="rowheader" className={classes.name} style={{ width: NAME_WIDTH }}>
                  <Text size="sm" truncate>
                    {name}
                  </Text>
                </div>
                {assignments.map((a, i) => {
                  const cell = r.cells[i]!;
                  const status = cellStatus(a, cell, now);
                  const isActive = item.index === row && i === col;
                  return (
                    <div
                      key={a.id}
                      id={cellId(item.index, i)}
                      role="gridcell"
                      aria-label={cellLabel(name, a, cell, status, t)}
                      aria-selected={isActive}
                      data-status={status}
                      tabIndex={isActive ? 0 : -1}
                      className={classes.cell}
                      style={{ width: CELL_WIDTH }}
                      onClick={() => setActive({ row: item.index, col: i })}
                      onDoubleClick={() => {
                        if (cell.submittedAt !== null) setEditing(String(cell.points ?? ''));
                      }}
                    >
                      {isActive && editing !== null ? (
                        <CellEditor
                          initial={editing}
                          label={t('gradebook.editLabel', {
                            name,
                            title: a.title,
                            max: a.maxPoints,
                          })}
                          onCommit={(value, direction) =>
                            void commit(
                              value,
                              direction === 'down'
                                ? { row: row + 1, col }
                                : direction === 'right'
                                  ? { row, col: Math.min(cols - 1, col + 1) }
                                  : direction === 'left'
                                    ? { row, col: Math.max(0, col - 1) }
                                    : null,
                            )
                          }
                          onCancel={() => {
                            setEditing(null);
                            focusPending.current = true;
                          }}
                        />
                      ) : (
                        <CellView
                          points={cell.points}
                          status={status}
                          late={
                            cell.submittedAt !== null &&
                            Date.parse(cell.submittedAt) > Date.parse(a.dueAt)
                          }
                        />
                      )}
                    </div>
                  );
                })}
                <div role="gridcell" className={classes.cell} style={{ width: AVERAGE_WIDTH }}>
                  <Text size="sm" fw={600}>
                    {average === null ? '–' : `${average}%`}
                  </Text>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </Box>
  );
}

const cellId = (row: number, col: number) => `gradebook-cell-${row}-${col}`;

/** "Emma Adams, Lab: 18 / 20" (", late" when it came in late), or "…: Missing". */
function cellLabel(
  name: string,
  a: GradebookAssignment,
  cell: GradebookRow['cells'][number],
  status: ReturnType<typeof cellStatus>,
  t: Translate,
): string {
  if (cell.points === null) return `${name}, ${a.title}: ${t(`work.status.${status}`)}`;
  const late = cell.submittedAt !== null && Date.parse(cell.submittedAt) > Date.parse(a.dueAt);
  const points = t('gradebook.points', { points: cell.points, max: a.maxPoints });
  return `${name}, ${a.title}: ${points}${late ? `, ${t('work.status.late').toLowerCase()}` : ''}`;
}

/** Points when graded (marked when the work came in late); otherwise the status, coloured only when it asks for attention. */
function CellView({
  points,
  status,
  late,
}: {
  points: number | null;
  status: ReturnType<typeof cellStatus>;
  late: boolean;
}) {
  const t = useT();
  if (points !== null)
    return (
      <Group gap={4} wrap="nowrap">
        <Text size="sm">{points}</Text>
        {late && (
          <Badge size="xs" {...tones.warn}>
            {t('work.status.late')}
          </Badge>
        )}
      </Group>
    );
  if (status === 'assigned')
    return (
      <Text size="xs" c="dimmed">
        {t('work.status.assigned')}
      </Text>
    );
  return (
    <Badge size="sm" {...tones[workTone[status]]}>
      {t(`work.status.${status}`)}
    </Badge>
  );
}

function CellEditor({
  initial,
  label,
  onCommit,
  onCancel,
}: {
  initial: string;
  label: string;
  onCommit: (value: string, direction: 'down' | 'right' | 'left' | 'stay') => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  // Enter, Tab or Escape end the edit; the blur that follows the input's removal must not save again.
  const done = useRef(false);
  const finish = (action: () => void) => {
    if (done.current) return;
    done.current = true;
    action();
  };
  return (
    <input
      className={classes.input}
      aria-label={label}
      inputMode="decimal"
      autoFocus
      value={value}
      onChange={(e) => setValue(e.currentTarget.value)}
      onFocus={(e) => e.currentTarget.setSelectionRange(value.length, value.length)}
      onBlur={() => finish(() => onCommit(value, 'stay'))}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') {
          e.preventDefault();
          finish(() => onCommit(value, 'down'));
        } else if (e.key === 'Tab') {
          e.preventDefault();
          finish(() => onCommit(value, e.shiftKey ? 'left' : 'right'));
        } else if (e.key === 'Escape') {
          e.preventDefault();
          finish(onCancel);
        }
      }}
    />
  );
}
