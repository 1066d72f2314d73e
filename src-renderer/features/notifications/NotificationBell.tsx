import { ActionIcon, Popover, Stack, Text, ThemeIcon, Tooltip } from '@mantine/core';
import { IconBell, IconBellCheck } from '@tabler/icons-react';
import { useT } from '../../app/i18n';

/**
 * The notification bell. Notifications are stored and pushed by a later
 * issue; until then it opens an honest "all caught up" panel and shows no count.
 */
export function NotificationBell() {
  const t = useT();
  return (
    <Popover width={280} position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Tooltip label={t('notifications.open')}>
          <ActionIcon variant="default" size="lg" aria-label={t('notifications.open')}>
            <IconBell size={20} stroke={1.6} />
          </ActionIcon>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack align="center" gap="xs" py="sm" ta="center">
          <ThemeIcon variant="light" size={40} radius="xl" aria-hidden>
            <IconBellCheck size={22} stroke={1.6} />
          </ThemeIcon>
          <Text fw={600}>{t('notifications.emptyTitle')}</Text>
          <Text size="sm" c="dimmed">
            {t('notifications.emptyText')}
          </Text>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
