import { Group, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconFlag, IconPresentation } from '@tabler/icons-react';
import { Link } from 'react-router';
import { calendarEntryPath, type CalendarEntry } from '../../../../src-shared/schemas/calendar';
import { useT } from '../../../app/i18n';
import { formatTime } from '../calendar-dates';
import classes from '../calendar.module.css';

/** One deadline or session: its time, title and course, opening the thing itself. */
export function EntryLink({
  entry,
  compact = false,
  startOnly = false,
}: {
  entry: CalendarEntry;
  /** A grid square: no icon, the colour says the kind. */
  compact?: boolean;
  /** A month square has room for the start time only. */
  startOnly?: boolean;
}) {
  const t = useT();
  const session = entry.kind === 'session';
  const time = session
    ? `${formatTime(entry.startsAt)}–${formatTime(entry.endsAt ?? entry.startsAt)}`
    : formatTime(entry.startsAt);
  const label = t(session ? 'calendar.sessionLabel' : 'calendar.deadlineLabel', {
    title: entry.title,
    time,
  });
  const hidden = (
    <VisuallyHidden>{t(session ? 'calendar.session' : 'calendar.deadline')} </VisuallyHidden>
  );
  if (compact)
    // A month square is narrow: the time and code on one line, the title below, no icon.
    return (
      <UnstyledButton
        component={Link}
        to={calendarEntryPath(entry)}
        className={classes.entry}
        data-kind={entry.kind}
        title={label}
        data-testid="calendar-entry"
      >
        {hidden}
        <Text size="xs" fw={600} lh={1.3} lineClamp={startOnly ? 2 : 3}>
          {entry.title}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3} lineClamp={2}>
          {startOnly ? formatTime(entry.startsAt) : time}
          {entry.course ? ` · ${entry.course.code}` : ''}
        </Text>
      </UnstyledButton>
    );
  return (
    <UnstyledButton
      component={Link}
      to={calendarEntryPath(entry)}
      className={classes.entry}
      data-kind={entry.kind}
      title={label}
      data-testid="calendar-entry"
    >
      <Group gap={8} wrap="nowrap" align="flex-start">
        <ThemeIcon
          size={20}
          radius="sm"
          variant="light"
          color={session ? 'indigo' : 'orange'}
          aria-hidden
        >
          {session ? <IconPresentation size={12} /> : <IconFlag size={12} />}
        </ThemeIcon>
        <div className={classes.entryText}>
          {hidden}
          <Text size="sm" fw={600} lh={1.3} lineClamp={2}>
            {entry.title}
          </Text>
          <Text size="xs" c="dimmed" lh={1.3} lineClamp={1}>
            {time}
            {entry.course ? ` · ${entry.course.code}` : ''}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}
