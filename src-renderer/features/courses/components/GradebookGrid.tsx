import { Box, Text } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { cellStatus, studentAverage } from '../../../../src-shared/gradebook';
import type { GradebookAssignment, GradebookRow } from '../../../../src-shared/schemas/gradebook';
import { useT } from '../../../app/i18n';
import { cellId, cellLabel, isLate } from './gradebook-cells';
import { AVERAGE_WIDTH, CELL_WIDTH, NAME_WIDTH, ROW_HEIGHT } from './gradebook-layout';
import { GradebookCellEditor } from './GradebookCellEditor';
import { GradebookCellView } from './GradebookCellView';
import { GradebookHeader } from './GradebookHeader';
import classes from './GradebookGrid.module.css';
import { useGradebookCursor } from './useGradebookCursor';

interface Props {
  assignments: readonly GradebookAssignment[];
  rows: readonly GradebookRow[];
  now: number;
  onError: (error: unknown) => void;
}

/**
 * Students × assignments, rows virtualised (500 students render ~20 rows).
 * Keyboard as in a spreadsheet (useGradebookCursor.ts): arrows move, Enter
 * or a digit edits, Enter saves and goes down, Tab saves and goes right
 * (Shift+Tab left), Escape cancels. One cell is in the tab order (roving focus).
 */
export function GradebookGrid({ assignments, rows, now, onError }: Props) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const cursor = useGradebookCursor({
    assignments,
    rows,
    scrollToRow: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    onError,
  });
  const { row, col, editing } = cursor;
  const cols = assignments.length;
  const width = NAME_WIDTH + cols * CELL_WIDTH + AVERAGE_WIDTH;

  return (
    <Box
      ref={scrollRef}
      className={classes.scroller}
      role="grid"
      aria-label={t('gradebook.gridLabel')}
      aria-rowcount={rows.length + 1}
      aria-colcount={cols + 2}
      onKeyDown={cursor.onKeyDown}
    >
      <div style={{ width, position: 'relative' }}>
        <GradebookHeader assignments={assignments} rows={rows} width={width} />
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
                      onClick={() => cursor.select({ row: item.index, col: i })}
                      onDoubleClick={() => {
                        if (cell.submittedAt !== null) cursor.startEdit(String(cell.points ?? ''));
                      }}
                    >
                      {isActive && editing !== null ? (
                        <GradebookCellEditor
                          initial={editing}
                          label={t('gradebook.editLabel', {
                            name,
                            title: a.title,
                            max: a.maxPoints,
                          })}
                          onCommit={cursor.finishEdit}
                          onCancel={cursor.cancelEdit}
                        />
                      ) : (
                        <GradebookCellView
                          points={cell.points}
                          status={status}
                          late={isLate(a, cell)}
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
