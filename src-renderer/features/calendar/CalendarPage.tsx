import { ActionIcon, Button, Group, SegmentedControl, Skeleton, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconDownload } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { CalendarEntry } from '../../../src-shared/schemas/calendar';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import {
  type CalendarView,
  dayKey,
  shift,
  timeZoneName,
  viewTitle,
  visibleDays,
} from './calendar-dates';
import { calendarStore, downloadCalendarFile, loadCalendar, showCalendar } from './calendar-store';
import { CalendarAgenda } from './components/CalendarAgenda';
import { CalendarGrid } from './components/CalendarGrid';
import classes from './calendar.module.css';

/** `/calendar`: the viewer's deadlines and scheduled sessions by month or week, in their time zone. */
export function CalendarPage() {
  const t = useT();
  const view = calendarStore.use((s) => s.view);
  const anchor = calendarStore.use((s) => s.anchor);
  const entries = calendarStore.use((s) => s.entries);
  const status = calendarStore.use((s) => s.status);
  const error = calendarStore.use((s) => s.error);
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  const [downloadError, setDownloadError] = useState<unknown>();

  useEffect(() => {
    void loadCalendar();
  }, []);

  const days = useMemo(() => visibleDays(anchor, view), [anchor, view]);
  const byDay = useMemo(() => groupByDay(entries), [entries]);

  return (
    <>
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.lead', { zone: timeZoneName() })}
      />
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Group gap="xs" wrap="nowrap">
            <ActionIcon
              className={classes.keep}
              variant="default"
              size="lg"
              aria-label={t(`calendar.previous.${view}`)}
              onClick={() => showCalendar({ anchor: shift(anchor, view, -1) })}
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Button
              className={classes.keep}
              variant="default"
              onClick={() => showCalendar({ anchor: new Date() })}
            >
              {t('calendar.today')}
            </Button>
            <ActionIcon
              className={classes.keep}
              variant="default"
              size="lg"
              aria-label={t(`calendar.next.${view}`)}
              onClick={() => showCalendar({ anchor: shift(anchor, view, 1) })}
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
            <Title order={2} fz={{ base: 'md', sm: 'xl' }} ml="xs" aria-live="polite">
              {viewTitle(anchor, view)}
            </Title>
          </Group>
          <Group gap="xs">
            <SegmentedControl
              aria-label={t('calendar.view')}
              value={view}
              onChange={(value) => showCalendar({ view: value as CalendarView })}
              data={[
                { value: 'month', label: t('calendar.view.month') },
                { value: 'week', label: t('calendar.view.week') },
              ]}
            />
            <Button
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
              onClick={() => {
                setDownloadError(undefined);
                downloadCalendarFile().catch(setDownloadError);
              }}
            >
              {t('calendar.export')}
            </Button>
          </Group>
        </Group>
        {downloadError !== undefined && <ErrorNotice error={downloadError} />}
        {status === 'failed' && <ErrorNotice error={error} onRetry={() => void loadCalendar()} />}
        {status === 'loading' && entries.length === 0 ? (
          <Skeleton h={narrow ? 240 : 560} radius="md" data-testid="skeleton" />
        ) : narrow ? (
          <CalendarAgenda days={days} byDay={byDay} />
        ) : (
          <CalendarGrid
            days={days}
            view={view}
            month={anchor.getMonth()}
            byDay={byDay}
            onShowDay={(day) => showCalendar({ view: 'week', anchor: day })}
          />
        )}
      </Stack>
    </>
  );
}

/** Entries under the local day they start on, in the order the hub sent (soonest first). */
function groupByDay(entries: readonly CalendarEntry[]): Map<string, CalendarEntry[]> {
  const byDay = new Map<string, CalendarEntry[]>();
  for (const entry of entries) {
    const key = dayKey(new Date(entry.startsAt));
    byDay.set(key, [...(byDay.get(key) ?? []), entry]);
  }
  return byDay;
}
