import { Badge, Group, Text } from '@mantine/core';
import { useT } from '../../../app/i18n';
import { tones } from '../../../ui/tones';
import { workTone } from '../work-status-look';
import type { CellStatus } from './gradebook-cells';

/** Points when graded (marked when the work came in late); otherwise the status, coloured only when it asks for attention. */
export function GradebookCellView({
  points,
  status,
  late,
}: {
  points: number | null;
  status: CellStatus;
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
