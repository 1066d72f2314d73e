import { Avatar, Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { UserSummary } from '../../../src-shared/schemas/accounts';
import { useT } from '../../app/i18n';

/** One search result: the whole row links to the person's profile. */
export function PersonRow({ person }: { person: UserSummary }) {
  const t = useT();
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <li>
      <UnstyledButton
        component={Link}
        to={`/people/${encodeURIComponent(person.username)}`}
        w="100%"
      >
        <Paper withBorder p="sm" radius="md">
          <Group gap="sm" wrap="nowrap">
            <Avatar
              src={person.avatarUrl}
              name={name}
              color="initials"
              alt=""
              radius="xl"
              size={42}
            />
            <Stack gap={0} miw={0} flex={1}>
              <Text fw={600} size="sm" truncate>
                {name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                @{person.username}
                {person.email ? ` · ${person.email}` : ''}
              </Text>
            </Stack>
            <Group gap={4} wrap="nowrap" visibleFrom="xs">
              <Badge variant="light">
                {t(person.role === 'teacher' ? 'role.teacher' : 'role.student')}
              </Badge>
              {person.isAdmin && <Badge variant="default">{t('role.admin')}</Badge>}
            </Group>
          </Group>
        </Paper>
      </UnstyledButton>
    </li>
  );
}
