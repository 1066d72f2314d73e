import { Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { CalendarEntry } from '../../../../src-shared/schemas/calendar';
import { useT } from '../../../app/i18n';
import { type CalendarView, dayKey, sameDay, weekdayNames } from '../calendar-dates';
import classes from '../calendar.module.css';
import { EntryLink } from './EntryLink';

/** A month shows this many entries per day, then "+N more" (the week view shows them all). */
const MONTH_DAY_ENTRIES = 3;

interface Props {
  days: Date[];
  view: CalendarView;
  month: number;
  byDay: Map<string, CalendarEntry[]>;
  onShowDay: (day: Date) => void;
}

/** Wide windows: a grid of days, Monday first, each with its entries. */
export function CalendarGrid({ days, view, month, byDay, onShowDay }: Props) {
  const t = useT();
  const today = new Date();
  const dayLabel = new Intl.DateTimeFormat(undefined, { dateStyle: 'full' });
  return (
    <div
      className={`${classes.grid} ${view === 'week' ? classes.week : ''}`}
      data-testid="calendar-grid"
    >
      <div className={classes.row} aria-hidden>
        {weekdayNames(undefined, 'short').map((name) => (
          <div key={name} className={classes.weekday}>
            <Text size="xs" fw={700} tt="uppercase" c="dimmed">
              {name}
            </Text>
          </div>
        ))}
      </div>
      {days.map((day) => {
        const entries = byDay.get(dayKey(day)) ?? [];
        const limit = view === 'month' ? MONTH_DAY_ENTRIES : entries.length;
        const outside = view === 'month' && day.getMonth() !== month;
        return (
          <div
            key={dayKey(day)}
            className={[
              classes.day,
              outside ? classes.outside : '',
              sameDay(day, today) ? classes.today : '',
            ].join(' ')}
          >
            <span className={classes.dayNumber} aria-hidden>
              {day.getDate()}
            </span>
            <VisuallyHidden>{dayLabel.format(day)}</VisuallyHidden>
            <Stack gap={4}>
              {entries.slice(0, limit).map((entry) => (
                <EntryLink
                  key={`${entry.kind}-${entry.id}`}
                  entry={entry}
                  compact
                  startOnly={view === 'month'}
                />
              ))}
              {entries.length > limit && (
                <UnstyledButton onClick={() => onShowDay(day)} px={4}>
                  <Text size="xs" c="dimmed">
                    {t('calendar.more', { count: entries.length - limit })}
                  </Text>
                </UnstyledButton>
              )}
            </Stack>
          </div>
        );
      })}
    </div>
  );
}
