import { Button, Divider, Group, Skeleton, Stack, Switch, Text, ThemeIcon } from '@mantine/core';
import { IconBellCheck, IconChecks } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Notification } from '../../../src-shared/schemas/notifications';
import { useT } from '../../app/i18n';
import { isDesktop } from '../../desktop';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { useAccount } from '../auth';
import {
  desktopNotificationPrefs,
  desktopNotificationsOn,
  setDesktopNotificationsOn,
} from './desktop-notifications';
import { NotificationItem } from './NotificationItem';
import classes from './notifications.module.css';
import {
  loadNotifications,
  loadOlderNotifications,
  markAllNotificationsRead,
  notificationsStore,
} from './notifications-store';

/** Relative times ("5 minutes ago") move on while the panel stays open. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The inside of the bell's popover (or drawer on a phone): the inbox, newest first. */
export function NotificationPanel({
  onOpen,
  heading = true,
}: {
  onOpen: (n: Notification) => void;
  /** The drawer has a title of its own. */
  heading?: boolean;
}) {
  const t = useT();
  const now = useMinuteClock();
  const items = notificationsStore.use((s) => s.items);
  const unread = notificationsStore.use((s) => s.unread);
  const status = notificationsStore.use((s) => s.status);
  const error = notificationsStore.use((s) => s.error);
  const actionError = notificationsStore.use((s) => s.actionError);
  const nextBefore = notificationsStore.use((s) => s.nextBefore);
  const loadingOlder = notificationsStore.use((s) => s.loadingOlder);

  return (
    <Stack gap="xs">
      <Group justify={heading ? 'space-between' : 'flex-end'} wrap="nowrap" gap="xs">
        {heading && (
          <Text fw={700} component="h2" fz="md" m={0}>
            {t('notifications.title')}
          </Text>
        )}
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconChecks size={16} aria-hidden />}
          disabled={unread === 0}
          onClick={() => void markAllNotificationsRead()}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <DesktopSwitch />
      {actionError !== undefined && <ErrorNotice error={actionError} />}
      {status === 'failed' && items.length === 0 && (
        <ErrorNotice
          error={error}
          title={t('notifications.loadFailed')}
          onRetry={() => void loadNotifications()}
        />
      )}
      {(status === 'loading' || status === 'idle') && items.length === 0 && (
        <Stack gap="sm" aria-busy data-testid="skeleton">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={48} radius="sm" />
          ))}
        </Stack>
      )}
      {status === 'ready' && items.length === 0 && <AllCaughtUp />}
      {items.length > 0 && (
        <ul className={classes.list} aria-label={t('notifications.title')}>
          {items.map((n) => (
            <NotificationItem key={n.seq} notification={n} now={now} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {nextBefore !== undefined && (
        <Button
          variant="default"
          size="xs"
          loading={loadingOlder}
          onClick={() => void loadOlderNotifications()}
        >
          {t('notifications.loadOlder')}
        </Button>
      )}
    </Stack>
  );
}

function AllCaughtUp() {
  const t = useT();
  return (
    <Stack align="center" gap="xs" py="sm" ta="center">
      <ThemeIcon variant="light" size={40} radius="xl" aria-hidden>
        <IconBellCheck size={22} stroke={1.6} />
      </ThemeIcon>
      <Text fw={600}>{t('notifications.emptyTitle')}</Text>
      <Text size="sm" c="dimmed">
        {t('notifications.emptyText')}
      </Text>
    </Stack>
  );
}

/** Only in the desktop app: OS notifications and the dock badge, on or off for this person. */
function DesktopSwitch() {
  const t = useT();
  const account = useAccount();
  // Subscribing re-renders the switch when the choice changes (here or in another window).
  desktopNotificationPrefs.use((s) => s.off);
  if (!isDesktop() || !account) return null;
  return (
    <>
      <Switch
        size="sm"
        label={t('notifications.desktop')}
        description={t('notifications.desktopHint')}
        checked={desktopNotificationsOn(account.id)}
        onChange={(event) => setDesktopNotificationsOn(account.id, event.currentTarget.checked)}
      />
      <Divider />
    </>
  );
}
