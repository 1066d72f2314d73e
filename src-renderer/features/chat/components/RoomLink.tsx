import {
  Badge,
  Group,
  Stack,
  Text,
  ThemeIcon,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconBooks, IconPresentation } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { RoomSummary } from '../../../../src-shared/schemas/chat';
import { useT } from '../../../app/i18n';
import classes from '../chat.module.css';
import { chatStore } from '../chat-store';
import { chatPath } from '../room-names';
import { othersOnline, unreadOf } from '../room-list';
import { useAccount } from '../../auth';
import { PresenceAvatar } from './PresenceAvatar';

/** One room in the list: icon or avatar, title, a line of context and the unread badge. */
export function RoomLink({ room, active }: { room: RoomSummary; active: boolean }) {
  const t = useT();
  const peerOnline = chatStore.use((s) => (room.peer ? s.online[room.peer.id] === true : false));
  const me = useAccount();
  const unread = unreadOf(room);
  const subtitle = room.peer
    ? peerOnline
      ? t('chat.online')
      : `@${room.peer.username}`
    : t('chat.onlineCount', { count: othersOnline(room, me?.id) });
  return (
    <li>
      <UnstyledButton
        component={Link}
        to={chatPath(room.room)}
        className={classes.roomButton}
        aria-current={active ? 'page' : undefined}
        data-testid="chat-room"
      >
        <Group gap="sm" wrap="nowrap">
          {room.peer ? (
            <PresenceAvatar person={room.peer} online={peerOnline} size={34} />
          ) : (
            <ThemeIcon
              variant="light"
              color={room.kind === 'course' ? 'indigo' : 'teal'}
              radius="xl"
              size={34}
              aria-hidden
            >
              {room.kind === 'course' ? <IconBooks size={18} /> : <IconPresentation size={18} />}
            </ThemeIcon>
          )}
          <Stack gap={0} miw={0} flex={1}>
            <Text size="sm" fw={unread > 0 ? 700 : 500} truncate>
              {room.title}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {subtitle}
            </Text>
          </Stack>
          {unread > 0 && (
            <>
              <Badge size="sm" circle={unread < 10} aria-hidden data-testid="room-unread">
                {unread > 99 ? '99+' : unread}
              </Badge>
              <VisuallyHidden>{t('chat.unread', { count: unread })}</VisuallyHidden>
            </>
          )}
        </Group>
      </UnstyledButton>
    </li>
  );
}
