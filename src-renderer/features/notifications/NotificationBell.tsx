import { ActionIcon, Drawer, Indicator, Popover, ScrollArea, Tooltip } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { Notification } from '../../../src-shared/schemas/notifications';
import { socket } from '../../app/hub-client';
import { useT } from '../../app/i18n';
import { desktopBridge } from '../../desktop';
import { authStore } from '../auth';
import { startDesktopNotifications } from './desktop-notifications';
import { notificationPath } from './notification-link';
import { connectNotifications } from './notifications-live';
import { markNotificationRead, notificationsStore } from './notifications-store';
import { NotificationPanel } from './NotificationPanel';

/** Badge text: past 99 the exact number stops mattering. */
const badgeText = (count: number) => (count > 99 ? '99+' : String(count));

/**
 * The bell in the header: the unread count, and the inbox in a popover
 * (a drawer on phones, where a popover would not fit). It also owns the
 * inbox's live wiring, since it lives exactly as long as the signed-in frame.
 */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const navigateRef = useRef(navigate);
  navigateRef.current = navigate;
  const [opened, panel] = useDisclosure(false);
  const phone = useMediaQuery('(max-width: 48em)');
  const unread = notificationsStore.use((s) => s.unread);

  useEffect(
    () =>
      connectNotifications({
        socket,
        signedIn: () => authStore.get().tokens !== undefined,
        onSignInChange: (listener) =>
          authStore.subscribe((state, previous) => {
            if (!state.tokens !== !previous.tokens) listener(state.tokens !== undefined);
          }),
      }),
    [],
  );
  useEffect(() => {
    const bridge = desktopBridge();
    if (!bridge) return;
    return startDesktopNotifications({
      bridge,
      onNotification: (listener) => socket.on('notification:new', listener),
      navigate: (link) => void navigateRef.current(link),
      userId: () => authStore.get().account?.id,
    });
  }, []);

  function open(notification: Notification) {
    panel.close();
    if (!notification.read) void markNotificationRead(notification.seq);
    void navigate(notificationPath(notification.target));
  }

  const label =
    unread > 0 ? t('notifications.openUnread', { count: unread }) : t('notifications.title');
  const button = (
    <ActionIcon variant="default" size="lg" aria-label={label} onClick={panel.toggle}>
      <IconBell size={20} stroke={1.6} />
    </ActionIcon>
  );
  // The popover is controlled, so its target adds no click handler of its own (no double toggle).
  const withPanel = phone ? (
    <>
      {button}
      <Drawer
        opened={opened}
        onClose={panel.close}
        position="right"
        size="100%"
        title={t('notifications.title')}
        styles={{ title: { fontWeight: 700 } }}
        closeButtonProps={{ 'aria-label': t('notifications.close') }}
      >
        <NotificationPanel onOpen={open} heading={false} />
      </Drawer>
    </>
  ) : (
    <Popover
      opened={opened}
      onChange={(next) => (next ? panel.open() : panel.close())}
      width={380}
      position="bottom-end"
      shadow="md"
      withArrow
      trapFocus
    >
      <Popover.Target>{button}</Popover.Target>
      <Popover.Dropdown p="sm" aria-label={t('notifications.title')}>
        <ScrollArea.Autosize mah="min(70vh, 560px)" type="auto" offsetScrollbars>
          <NotificationPanel onOpen={open} />
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );

  return (
    <Tooltip label={label} disabled={opened}>
      <Indicator
        label={badgeText(unread)}
        disabled={unread === 0}
        size={18}
        offset={4}
        color="red.9"
        inline
        data-testid="notification-count"
      >
        {withPanel}
      </Indicator>
    </Tooltip>
  );
}
