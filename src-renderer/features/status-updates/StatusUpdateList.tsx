import { ActionIcon, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconMessageCircleOff, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { StatusUpdate } from '../../../src-shared/schemas/accounts';
import { useLanguage, useT } from '../../app/i18n';
import { targetIds } from '../../app/reveal-target';
import { CardEmpty, CardSkeleton } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useAccount } from '../auth';
import { deleteStatusUpdate, loadStatusUpdates, statusUpdatesStore } from './status-updates-store';

/** A person's status updates, newest first; the author (and an admin) may delete each. */
export function StatusUpdateList({ username }: { username: string }) {
  const t = useT();
  const items = statusUpdatesStore.use((s) => s.items);
  const total = statusUpdatesStore.use((s) => s.total);
  const status = statusUpdatesStore.use((s) => s.status);
  const error = statusUpdatesStore.use((s) => s.error);
  const owner = statusUpdatesStore.use((s) => s.username);

  useEffect(() => {
    void loadStatusUpdates(username);
  }, [username]);

  if (owner !== username || (status === 'loading' && items.length === 0)) {
    return <CardSkeleton />;
  }
  return (
    <Stack gap="sm" data-testid="status-updates">
      {error !== undefined && (
        <ErrorNotice error={error} onRetry={() => void loadStatusUpdates(username)} />
      )}
      {status === 'ready' && items.length === 0 && (
        <CardEmpty title={t('status.emptyTitle')} icon={<IconMessageCircleOff size={24} />}>
          {t('status.emptyText')}
        </CardEmpty>
      )}
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((update) => (
          <StatusUpdateItem key={update.id} update={update} />
        ))}
      </Stack>
      {items.length < total && (
        <Button
          variant="default"
          loading={status === 'loading'}
          onClick={() => void loadStatusUpdates(username, true)}
        >
          {t('status.more')}
        </Button>
      )}
    </Stack>
  );
}

function StatusUpdateItem({ update }: { update: StatusUpdate }) {
  const t = useT();
  const language = useLanguage();
  const account = useAccount();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const mayDelete = account && (account.id === update.author.id || account.isAdmin);
  const when = new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(update.createdAt));

  async function remove() {
    setBusy(true);
    setError(undefined);
    try {
      await deleteStatusUpdate(update.id);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  }

  return (
    <Paper component="li" id={targetIds.statusUpdate(update.id)} withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Stack gap={4} miw={0}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {update.text}
          </Text>
          <Text size="xs" c="dimmed" component="time" dateTime={update.createdAt}>
            {when}
          </Text>
        </Stack>
        {mayDelete && (
          <Tooltip label={t('status.delete')}>
            <ActionIcon
              variant="subtle"
              color="gray"
              loading={busy}
              onClick={() => void remove()}
              aria-label={t('status.delete')}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
    </Paper>
  );
}
