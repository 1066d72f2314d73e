import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Account } from '../../../src-shared/schemas/accounts';
import { useT, type MessageKey } from '../../app/i18n';

function partOfDay(hour: number): MessageKey {
  if (hour < 5) return 'home.greeting.evening';
  if (hour < 12) return 'home.greeting.morning';
  if (hour < 18) return 'home.greeting.afternoon';
  return 'home.greeting.evening';
}

/** The large first tile: who is signed in and what this page is for. */
export function GreetingCard({ account, lead }: { account: Account; lead: string }) {
  const t = useT();
  return (
    <Card h="100%" shadow="xs" bg="var(--mantine-primary-color-light)" data-testid="greeting">
      <Stack gap="sm" justify="center" h="100%">
        <Group gap="xs">
          <Badge variant="filled" radius="sm">
            {t(account.role === 'teacher' ? 'role.teacher' : 'role.student')}
          </Badge>
          {account.isAdmin && (
            <Badge variant="default" radius="sm">
              {t('role.admin')}
            </Badge>
          )}
        </Group>
        <Title order={1} fz={{ base: 26, sm: 32 }}>
          {t(partOfDay(new Date().getHours()), { name: account.firstName })}
        </Title>
        <Text c="dimmed" maw={560}>
          {lead}
        </Text>
      </Stack>
    </Card>
  );
}
