import { ActionIcon, Group, Stack, Text, ThemeIcon, Title, Tooltip } from '@mantine/core';
import {
  IconArrowLeft,
  IconBooks,
  IconLayoutSidebarRight,
  IconLayoutSidebarRightCollapse,
  IconPresentation,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import type { RoomSummary } from '../../../../src-shared/schemas/chat';
import { useT } from '../../../app/i18n';
import { useAccount } from '../../auth';
import { chatStore } from '../chat-store';
import { othersOnline } from '../room-list';
import classes from '../chat.module.css';
import { PresenceAvatar } from './PresenceAvatar';

/** The conversation's title bar: back to the rooms (phone), who or what it is, the side panel toggle. */
export function ConversationHeader({
  summary,
  phone,
  headingOrder,
  sideOpen,
  onToggleSide,
}: {
  summary: RoomSummary;
  phone: boolean;
  headingOrder: 1 | 2;
  sideOpen: boolean;
  onToggleSide: () => void;
}) {
  const t = useT();
  const me = useAccount();
  const peerOnline = chatStore.use((s) =>
    summary.peer ? s.online[summary.peer.id] === true : false,
  );
  const subtitle = summary.peer
    ? peerOnline
      ? t('chat.online')
      : t('chat.offline')
    : `${t(summary.kind === 'course' ? 'chat.kind.course' : 'chat.kind.session')} · ${t(
        'chat.onlineCount',
        { count: othersOnline(summary, me?.id) },
      )}`;
  const sideLabel = sideOpen ? t('chat.side.hide') : t('chat.side.show');
  return (
    <Group className={classes.bar} gap="sm" wrap="nowrap">
      {phone && (
        <ActionIcon
          component={Link}
          to="/chat"
          variant="subtle"
          size="lg"
          aria-label={t('chat.back')}
        >
          <IconArrowLeft size={20} />
        </ActionIcon>
      )}
      {summary.peer ? (
        <PresenceAvatar person={summary.peer} online={peerOnline} size={36} />
      ) : phone ? null : (
        <ThemeIcon
          variant="light"
          color={summary.kind === 'course' ? 'indigo' : 'teal'}
          radius="xl"
          size={36}
          aria-hidden
        >
          {summary.kind === 'course' ? <IconBooks size={20} /> : <IconPresentation size={20} />}
        </ThemeIcon>
      )}
      <Stack gap={0} flex={1} miw={0}>
        <Title order={headingOrder} fz={phone ? 'md' : 'h4'} lineClamp={1}>
          {summary.title}
        </Title>
        <Text size="xs" c="dimmed" truncate>
          {subtitle}
        </Text>
      </Stack>
      <Tooltip label={sideLabel}>
        <ActionIcon
          variant={sideOpen ? 'light' : 'subtle'}
          size="lg"
          aria-label={sideLabel}
          aria-expanded={sideOpen}
          onClick={onToggleSide}
        >
          {sideOpen ? (
            <IconLayoutSidebarRightCollapse size={20} />
          ) : (
            <IconLayoutSidebarRight size={20} />
          )}
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
