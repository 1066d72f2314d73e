import { Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { Member, SessionId } from '../../../../src-shared/schemas/sessions';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { chatStore } from '../chat-store';
import { fullName, PresenceAvatar } from './PresenceAvatar';

/** Who is in the session, online first; presence comes from the chat store (presence:changed). */
export function SessionMembers({ sessionId }: { sessionId: string }) {
  const t = useT();
  const online = chatStore.use((s) => s.online);
  const [members, setMembers] = useState<Member[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setMembers(undefined);
    api
      .call('members', { params: { sessionId: sessionId as SessionId }, query: { pageSize: 100 } })
      .then((page) => setMembers(page.items.filter((m) => m.status === 'active')))
      .catch(setError);
  }, [sessionId]);
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (!members) return <Skeleton h={80} radius="md" />;
  const sorted = [...members].sort(
    (a, b) =>
      Number(online[b.user.id] === true) - Number(online[a.user.id] === true) ||
      fullName(a.user).localeCompare(fullName(b.user)),
  );
  return (
    <Stack component="ul" gap={8} m={0} p={0} style={{ listStyle: 'none' }}>
      {sorted.map((m) => (
        <Group component="li" key={m.user.id} gap="xs" wrap="nowrap">
          <PresenceAvatar person={m.user} online={online[m.user.id] === true} size={30} />
          <Stack gap={0} flex={1} miw={0}>
            <Text size="sm" truncate>
              {fullName(m.user)}
            </Text>
            <Text size="xs" c="dimmed">
              {online[m.user.id] ? t('chat.online') : t('chat.offline')}
            </Text>
          </Stack>
          {m.role === 'host' && (
            <Badge size="xs" variant="light">
              {t('chat.side.host')}
            </Badge>
          )}
        </Group>
      ))}
    </Stack>
  );
}
