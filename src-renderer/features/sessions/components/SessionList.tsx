import { Avatar, Badge, Card, Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Session } from '../../../../src-shared/schemas/sessions';
import { useT } from '../../../app/i18n';
import { CardEmpty } from '../../../ui/BentoCard';

export const fullName = (u: { firstName: string; lastName: string }) =>
  `${u.firstName} ${u.lastName}`;

/** One session as a card that opens it. */
export function SessionTile({ session }: { session: Session }) {
  const t = useT();
  return (
    <UnstyledButton
      component={Link}
      to={`/sessions/${session.id}`}
      style={{ display: 'block', borderRadius: 'var(--mantine-radius-lg)' }}
    >
      <Card withBorder shadow="xs" h="100%" padding="md">
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={600} lineClamp={2}>
              {session.title}
            </Text>
            <Badge
              variant="light"
              color={session.myRole === 'host' ? 'grape' : 'blue'}
              style={{ flexShrink: 0 }}
            >
              {t(session.myRole === 'host' ? 'sessions.role.host' : 'sessions.role.member')}
            </Badge>
          </Group>
          {session.description && (
            <Text size="sm" c="dimmed" lineClamp={2}>
              {session.description}
            </Text>
          )}
          <Group gap="xs" wrap="nowrap" mt={4}>
            <Avatar src={session.host.avatarUrl} size={24} radius="xl" alt="" />
            <Text size="xs" c="dimmed" truncate>
              {t('sessions.hostedBy', { name: fullName(session.host) })}
            </Text>
            <Group gap={4} wrap="nowrap" ml="auto">
              <IconUsers size={14} aria-hidden />
              <Text size="xs" c="dimmed">
                {t('sessions.members', { count: session.memberCount })}
              </Text>
            </Group>
          </Group>
        </Stack>
      </Card>
    </UnstyledButton>
  );
}

export function SessionGrid({
  sessions,
  emptyTitle,
  emptyText,
}: {
  sessions: readonly Session[];
  emptyTitle: string;
  emptyText: string;
}) {
  if (sessions.length === 0) {
    return (
      <Card withBorder style={{ borderStyle: 'dashed' }} bg="transparent">
        <CardEmpty title={emptyTitle}>{emptyText}</CardEmpty>
      </Card>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {sessions.map((session) => (
        <SessionTile key={session.id} session={session} />
      ))}
    </SimpleGrid>
  );
}
