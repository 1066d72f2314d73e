import { Anchor, Avatar, Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconPresentation } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Session } from '../../../src-shared/schemas/sessions';
import { api } from '../../app/hub-client';
import { useLive } from '../../app/use-live';
import { useT } from '../../app/i18n';
import { BentoCard, CardEmpty } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { fullName } from './components/SessionList';

const SHOWN = 5;

/** The home dashboard's tile: the sessions you host or joined, most recently active first. */
export function LiveSessionsCard({ color }: { color: string }) {
  const t = useT();
  const [sessions, setSessions] = useState<readonly Session[]>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    setError(undefined);
    api
      .call('sessions', { query: { page: 1, pageSize: SHOWN, scope: 'all' } })
      .then((page) => setSessions(page.items), setError);
  }, []);
  useEffect(load, [load]);
  useLive(['sessions', 'session:*'], load, ['sessions', 'members']);

  return (
    <BentoCard
      title={t('home.sessions')}
      icon={<IconPresentation size={20} />}
      color={color}
      loading={sessions === undefined && error === undefined}
      testId="sessions-card"
      action={
        <Anchor component={Link} to="/sessions" size="sm" fw={600}>
          {t('sessions.viewAll')}
        </Anchor>
      }
    >
      {error !== undefined ? (
        <ErrorNotice error={error} onRetry={load} />
      ) : sessions?.length ? (
        <Stack gap={4}>
          {sessions.map((session) => (
            <UnstyledButton
              key={session.id}
              component={Link}
              to={`/sessions/${session.id}`}
              p="xs"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            >
              <Group gap="sm" wrap="nowrap">
                <Avatar src={session.host.avatarUrl} radius="xl" size={32} alt="" />
                <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                  <Text fw={600} size="sm" truncate>
                    {session.title}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {t('sessions.hostedBy', { name: fullName(session.host) })} ·{' '}
                    {t('sessions.members', { count: session.memberCount })}
                  </Text>
                </Stack>
                {session.myRole === 'host' && (
                  <Badge variant="light" color="grape" size="sm">
                    {t('sessions.role.host')}
                  </Badge>
                )}
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      ) : (
        <CardEmpty title={t('home.sessionsEmpty')}>{t('home.sessionsEmptyText')}</CardEmpty>
      )}
    </BentoCard>
  );
}
