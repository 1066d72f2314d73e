import { Text } from '@mantine/core';
import { assignmentAverage } from '../../../../src-shared/gradebook';
import type { GradebookAssignment, GradebookRow } from '../../../../src-shared/schemas/gradebook';
import { useT } from '../../../app/i18n';
import { AVERAGE_WIDTH, CELL_WIDTH, NAME_WIDTH } from './gradebook-layout';
import classes from './GradebookGrid.module.css';

/** The header row: each assignment with its maximum and class average, then the students' average. */
export function GradebookHeader({
  assignments,
  rows,
  width,
}: {
  assignments: readonly GradebookAssignment[];
  rows: readonly GradebookRow[];
  width: number;
}) {
  const t = useT();
  return (
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
  );
}
