import { Avatar, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconUserCheck, IconUsersGroup } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useT } from '../../app/i18n';
import { useLive } from '../../app/use-live';
import { targetIds } from '../../app/reveal-target';
import { BentoCard, CardEmpty } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { approvalsStore, decide, loadPendingAccounts } from './approvals-store';

/** For teachers and the admin: new accounts to let in (or not), right on the home page. */
export function PendingAccountsCard() {
  const t = useT();
  const pending = approvalsStore.use((s) => s.pending);
  const total = approvalsStore.use((s) => s.total);
  const status = approvalsStore.use((s) => s.status);
  const error = approvalsStore.use((s) => s.error);
  const deciding = approvalsStore.use((s) => s.deciding);

  useEffect(() => {
    void loadPendingAccounts();
  }, []);
  useLive(['staff'], loadPendingAccounts);

  return (
    <BentoCard
      title={t('approvals.title')}
      icon={<IconUserCheck size={20} />}
      color="orange"
      loading={status === 'loading' || status === 'idle'}
      testId="pending-accounts"
      id={targetIds.approvals()}
      action={
        total > 0 ? (
          <Badge variant="light" color="orange" aria-label={t('approvals.count', { count: total })}>
            {total}
          </Badge>
        ) : undefined
      }
    >
      {error !== undefined && (
        <ErrorNotice error={error} onRetry={() => void loadPendingAccounts()} />
      )}
      {status === 'ready' && pending.length === 0 && (
        <CardEmpty
          title={t('approvals.emptyTitle')}
          icon={<IconUsersGroup size={24} stroke={1.5} />}
        >
          {t('approvals.emptyText')}
        </CardEmpty>
      )}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {pending.map((account) => {
          const name = `${account.firstName} ${account.lastName}`;
          const busy = deciding.includes(account.id);
          return (
            <Group key={account.id} component="li" justify="space-between" wrap="wrap" gap="xs">
              {/* Name first; on a narrow card the buttons move under it rather than squeeze it. */}
              <Group gap="sm" wrap="nowrap" miw={0} flex="1 1 11rem">
                {/* The hub serves no picture for accounts it has not let in yet: initials stand in. */}
                <Avatar
                  src={account.avatarUrl}
                  name={name}

                  alt=""
                  radius="xl"
                  size={36}
                />
                <Stack gap={0} miw={0}>
                  <Text fw={600} size="sm" truncate>
                    {name}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    @{account.username} ·{' '}
                    {t(account.role === 'teacher' ? 'role.teacher' : 'role.student')}
                  </Text>
                </Stack>
              </Group>
              <Group gap={6} wrap="nowrap" ml="auto">
                <Button
                  size="compact-sm"
                  variant="default"
                  disabled={busy}
                  onClick={() => void decide(account.id, 'reject')}
                  aria-label={t('approvals.rejectNamed', { name })}
                >
                  {t('approvals.reject')}
                </Button>
                <Button
                  size="compact-sm"
                  loading={busy}
                  onClick={() => void decide(account.id, 'approve')}
                  aria-label={t('approvals.approveNamed', { name })}
                >
                  {t('approvals.approve')}
                </Button>
              </Group>
            </Group>
          );
        })}
      </Stack>
      {total > pending.length && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('approvals.more', { count: total - pending.length })}
        </Text>
      )}
    </BentoCard>
  );
}
