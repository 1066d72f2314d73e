import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconBooks, IconPresentation } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Course } from '../../../src-shared/schemas/courses';
import type { Session } from '../../../src-shared/schemas/sessions';
import { api } from '../../app/hub-client';
import { useT } from '../../app/i18n';
import { CardEmpty, CardSkeleton } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';

const SHOWN = 6;

/** Loads a list once per username, with retry on error. `load` is a module-level (stable) function. */
function useList<T>(load: (username: string) => Promise<T[]>, username: string) {
  const [items, setItems] = useState<T[]>();
  const [error, setError] = useState<unknown>();
  const run = useCallback(() => {
    setError(undefined);
    load(username).then(setItems, setError);
  }, [load, username]);
  useEffect(run, [run]);
  return { items, error, retry: run };
}

function LinkList<T>(props: {
  items: T[] | undefined;
  error: unknown;
  retry: () => void;
  empty: { title: string; text: string; icon: ReactNode };
  render: (item: T) => ReactNode;
}) {
  const t = useT();
  if (props.error !== undefined) return <ErrorNotice error={props.error} onRetry={props.retry} />;
  if (!props.items) return <CardSkeleton />;
  if (props.items.length === 0) {
    return (
      <CardEmpty title={props.empty.title} icon={props.empty.icon}>
        {props.empty.text}
      </CardEmpty>
    );
  }
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {props.items.slice(0, SHOWN).map(props.render)}
      {props.items.length > SHOWN && (
        <Text size="xs" c="dimmed">
          {t('people.coursesMore', { count: props.items.length - SHOWN })}
        </Text>
      )}
    </Stack>
  );
}

const loadCourses = (username: string) => api.call('profileCourses', { params: { username } });
const loadSessions = (username: string) => api.call('profileSessions', { params: { username } });

/** A person's courses as the hub lets the viewer see them (taught ones, and shared enrolments). */
export function PersonCourses({ username }: { username: string }) {
  const t = useT();
  const list = useList<Course>(loadCourses, username);
  return (
    <LinkList
      {...list}
      empty={{
        title: t('people.coursesEmpty'),
        text: t('people.coursesEmptyText'),
        icon: <IconBooks size={24} />,
      }}
      render={(course) => (
        <Group key={course.id} component="li" gap="xs" wrap="nowrap">
          <Badge variant="default" miw="max-content">
            {course.code}
          </Badge>
          <Anchor component={Link} to={`/courses/${course.id}`} size="sm" truncate>
            {course.title}
          </Anchor>
        </Group>
      )}
    />
  );
}

/** Sessions the viewer shares with the person. */
export function PersonSessions({ username }: { username: string }) {
  const t = useT();
  const list = useList<Session>(loadSessions, username);
  return (
    <LinkList
      {...list}
      empty={{
        title: t('people.sessionsEmpty'),
        text: t('people.sessionsEmptyText'),
        icon: <IconPresentation size={24} />,
      }}
      render={(session) => (
        <Group key={session.id} component="li" gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/sessions/${session.id}`} size="sm" truncate>
            {session.title}
          </Anchor>
          {session.host.username === username && (
            <Badge variant="default" miw="max-content">
              {t('people.hostBadge')}
            </Badge>
          )}
        </Group>
      )}
    />
  );
}
