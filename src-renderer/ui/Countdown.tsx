import { Badge, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useLanguage, useT } from '../app/i18n';
import { countdown, formatDueAt } from './countdown';
import { tones } from './tones';

/** The current time, refreshed every `everyMs` so countdowns stay live. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "4 days, 23 hours left" as a badge: red once overdue, orange on the last day. */
export function CountdownBadge({ dueAt }: { dueAt: string }) {
  const t = useT();
  const now = useNow();
  const c = countdown(dueAt, now);
  return (
    <Badge
      {...tones[c.overdue ? 'bad' : c.urgent ? 'warn' : 'good']}
      tt="none"
      role="timer"
      aria-live="off"
    >
      {t(c.key, c.values)}
    </Badge>
  );
}

/** The due time in the viewer's own zone. */
export function DueAt({ dueAt }: { dueAt: string }) {
  const t = useT();
  const language = useLanguage();
  return (
    <Text size="sm" c="dimmed">
      <time dateTime={dueAt}>
        {t('courses.deadline.due', { when: formatDueAt(dueAt, language) })}
      </time>
    </Text>
  );
}
