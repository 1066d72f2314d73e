import { Badge } from '@mantine/core';
import { useEffect } from 'react';
import type { Deadline } from '../../../../src-shared/schemas/deadlines';
import { workStatus } from '../../../../src-shared/work-status';
import { useT } from '../../../app/i18n';
import { loadMine, submissionsStore } from '../submissions-store';
import { useDueClock, WorkStatusBadge } from '../work-status-look';

/** Students: where their own work on a deadline stands, in the words the teacher sees, with the points once graded. */
export function MyWorkStatus({ deadline }: { deadline: Deadline }) {
  const t = useT();
  const mine = submissionsStore.use((s) => s.mine[deadline.id]);
  const now = useDueClock(deadline.dueAt);
  useEffect(() => {
    // A failed load leaves the badge out; the work panel below shows the error when opened.
    loadMine(deadline.id).catch(() => undefined);
  }, [deadline.id]);
  if (!mine) return null;
  const status = workStatus(
    {
      dueAt: deadline.dueAt,
      submittedAt: mine.versions[0]?.submittedAt ?? null,
      gradedAt: mine.grade?.gradedAt ?? null,
    },
    now,
  );
  return (
    <>
      <WorkStatusBadge status={status} />
      {mine.grade && (
        <Badge variant="default">
          {t('work.gradedPoints', { points: mine.grade.points, max: mine.grade.maxPoints })}
        </Badge>
      )}
    </>
  );
}
