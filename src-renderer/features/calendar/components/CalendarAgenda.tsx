import { Card, Stack, Text, Title } from '@mantine/core';
import type { CalendarEntry } from '../../../../src-shared/schemas/calendar';
import { useT } from '../../../app/i18n';
import { dayKey, sameDay } from '../calendar-dates';
import { EntryLink } from './EntryLink';

/** Narrow windows (a phone): the shown days that have entries, as a list. */
export function CalendarAgenda({
  days,
  byDay,
}: {
  days: Date[];
  byDay: Map<string, CalendarEntry[]>;
}) {
  const t = useT();
  const today = new Date();
  const format = new Intl.DateTimeFormat(undefined, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  const busy = days.filter((day) => (byDay.get(dayKey(day)) ?? []).length > 0);
  if (busy.length === 0)
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t('calendar.nothing')}
      </Text>
    );
  return (
    <Stack gap="sm" data-testid="calendar-agenda">
      {busy.map((day) => (
        <Card key={dayKey(day)} shadow="xs" padding="sm" component="section">
          <Title order={2} fz="sm" mb="xs" c={sameDay(day, today) ? undefined : 'dimmed'}>
            {sameDay(day, today) ? `${t('calendar.today')} · ` : ''}
            {format.format(day)}
          </Title>
          <Stack gap={6}>
            {byDay.get(dayKey(day))!.map((entry) => (
              <EntryLink key={`${entry.kind}-${entry.id}`} entry={entry} />
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
