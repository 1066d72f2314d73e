import { Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { RoomSummary } from '../../../../src-shared/schemas/chat';
import { useT } from '../../../app/i18n';
import { chatStore } from '../chat-store';
import { roomTargetId } from '../room-names';
import { CourseMaterials } from './CourseMaterials';
import { SessionMembers } from './SessionMembers';
import { fullName, PresenceAvatar } from './PresenceAvatar';

/** The right column: the course's materials, the session's members, or the person you write to. */
export function SidePanel({ summary }: { summary: RoomSummary }) {
  const t = useT();
  const id = roomTargetId(summary.room) ?? '';
  const peerOnline = chatStore.use((s) =>
    summary.peer ? s.online[summary.peer.id] === true : false,
  );
  if (summary.kind === 'course')
    return (
      <Stack gap="sm" p="md">
        <Title order={2} fz="h5">
          {t('chat.side.materials')}
        </Title>
        <CourseMaterials courseId={id} />
        <Button
          component={Link}
          to={`/courses/${id}`}
          variant="default"
          size="xs"
          rightSection={<IconExternalLink size={14} aria-hidden />}
        >
          {t('chat.side.openCourse')}
        </Button>
      </Stack>
    );
  if (summary.kind === 'session')
    return (
      <Stack gap="sm" p="md">
        <Title order={2} fz="h5">
          {t('chat.side.members')}
        </Title>
        <SessionMembers sessionId={id} />
        <Button
          component={Link}
          to={`/sessions/${id}`}
          variant="default"
          size="xs"
          rightSection={<IconExternalLink size={14} aria-hidden />}
        >
          {t('chat.side.openSession')}
        </Button>
      </Stack>
    );
  const peer = summary.peer;
  if (!peer) return null;
  return (
    <Stack gap="xs" p="md" align="center" ta="center">
      <Title order={2} fz="h5" style={{ alignSelf: 'flex-start' }}>
        {t('chat.side.person')}
      </Title>
      <PresenceAvatar person={peer} online={peerOnline} size={72} />
      <Text fw={700}>{fullName(peer)}</Text>
      <Text size="sm" c="dimmed">
        @{peer.username} · {peerOnline ? t('chat.online') : t('chat.offline')}
      </Text>
      <Anchor component={Link} to={`/people/${encodeURIComponent(peer.username)}`} size="sm">
        {t('chat.side.viewProfile')}
      </Anchor>
    </Stack>
  );
}
