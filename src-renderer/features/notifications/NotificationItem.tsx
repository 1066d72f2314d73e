import { Box, Group, Stack, Text, ThemeIcon, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { Notification } from '../../../src-shared/schemas/notifications';
import { useLanguage, useT } from '../../app/i18n';
import { lookOf } from './kinds';
import { notificationText } from './notification-text';
import { relativeTime } from './relative-time';
import classes from './notifications.module.css';

/** One row of the panel: the whole row is the link; unread rows are tinted and bold. */
export function NotificationItem({
  notification,
  now,
  onOpen,
}: {
  notification: Notification;
  now: number;
  onOpen: (notification: Notification) => void;
}) {
  const t = useT();
  const language = useLanguage();
  const { icon: KindIcon, color } = lookOf(notification);
  const text = notificationText(notification, t, { language });
  const unread = !notification.read;
  return (
    <Box component="li" className={classes.row} data-unread={unread || undefined}>
      <UnstyledButton
        className={classes.button}
        onClick={() => onOpen(notification)}
        data-testid="notification"
      >
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" color={color} size={34} radius="xl" aria-hidden>
            <KindIcon size={18} stroke={1.7} />
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
            {unread && <VisuallyHidden>{t('notifications.unread')}: </VisuallyHidden>}
            <Text size="sm" fw={unread ? 700 : 500} lh={1.35}>
              {text.title}
            </Text>
            {text.body && (
              <Text size="xs" c="dimmed" lineClamp={2}>
                {text.body}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              <time dateTime={notification.createdAt}>
                {relativeTime(notification.createdAt, now, language, t('notifications.justNow'))}
              </time>
            </Text>
          </Stack>
          {unread && <Box className={classes.dot} aria-hidden />}
        </Group>
      </UnstyledButton>
    </Box>
  );
}
