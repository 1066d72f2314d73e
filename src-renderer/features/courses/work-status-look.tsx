import { Badge, Group } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  workStatuses,
  type WorkStatus,
  type WorkStatusCounts,
} from '../../../src-shared/work-status';
import { useT } from '../../app/i18n';
import { tones, type Tone } from '../../ui/tones';

/**
 * Colours that mean what they say: only late (orange) and missing (red) ask
 * for attention; graded is done (teal); handed in waits for the teacher
 * (blue); assigned is neutral.
 */
export const workTone: Record<WorkStatus, Tone> = {
  assigned: 'muted',
  handedIn: 'info',
  late: 'warn',
  graded: 'good',
  missing: 'bad',
};

/**
 * The current time, re-read the moment `dueAt` passes (and every minute), so
 * an Assigned badge turns Missing at the due time without a reload.
 */
export function useDueClock(dueAt: string): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, 60_000);
    const untilDue = Date.parse(dueAt) - Date.now();
    // +50 ms: the status flips strictly after the due time (workStatus compares with >).
    const atDue = untilDue >= 0 && untilDue < 2 ** 31 - 1 ? setTimeout(tick, untilDue + 50) : 0;
    return () => {
      clearInterval(timer);
      clearTimeout(atDue);
    };
  }, [dueAt]);
  return now;
}

export function WorkStatusBadge({ status }: { status: WorkStatus }) {
  const t = useT();
  return (
    // A status is never cut to "HANDE…": in a narrow table cell the badge keeps its full word.
    <Badge
      {...tones[workTone[status]]}
      miw="max-content"
      data-status={status}
      data-tone={workTone[status]}
    >
      {t(`work.status.${status}`)}
    </Badge>
  );
}

/** One badge per status that has work; a zero count is shown neutral, never as a warning. */
export function WorkStatusCountBadges({ counts }: { counts: WorkStatusCounts }) {
  const t = useT();
  return (
    <Group gap="xs" role="list" aria-label={t('work.countsLabel')}>
      {workStatuses.map((status) => {
        const tone = counts[status] === 0 ? 'muted' : workTone[status];
        return (
          <Badge
            key={status}
            role="listitem"
            data-status={status}
            data-tone={tone}
            {...tones[tone]}
          >
            {t(`work.count.${status}`, { count: counts[status] })}
          </Badge>
        );
      })}
    </Group>
  );
}
