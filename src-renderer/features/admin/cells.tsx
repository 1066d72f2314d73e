import { Avatar, Badge, Group, Stack, Text } from '@mantine/core';
import type { Account, AccountStatus } from '../../../src-shared/schemas/accounts';
import type { Translate } from '../../app/i18n';

const statusColor: Record<AccountStatus, string> = {
  active: 'teal',
  pending: 'orange',
  rejected: 'red',
};

/** Picture, full name and username: the first column of every people collection. */
export function PersonCell({ account }: { account: Account }) {
  const name = `${account.firstName} ${account.lastName}`;
  return (
    <Group gap="sm" wrap="nowrap" miw={0} maw={{ base: 130, sm: 280 }}>
      <Avatar src={account.avatarUrl} name={name} color="initials" alt="" radius="xl" size={32} />
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={600} truncate>
          {name}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          @{account.username}
        </Text>
      </Stack>
    </Group>
  );
}

export function roleCell(account: Account, t: Translate) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light">
        {t(account.role === 'teacher' ? 'role.teacher' : 'role.student')}
      </Badge>
      {account.isAdmin && <Badge variant="default">{t('role.admin')}</Badge>}
    </Group>
  );
}

/** A dot in the status colour beside plain text: light badges in orange or teal miss AA contrast. */
export function statusCell(account: Account, t: Translate) {
  return (
    <Badge variant="dot" color={statusColor[account.status]} miw="max-content">
      {t(`admin.status.${account.status}`)}
    </Badge>
  );
}
