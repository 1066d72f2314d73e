import {
  Box,
  Button,
  Group,
  ScrollArea,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconMessagePlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useT, type MessageKey } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { loadRooms } from '../chat-actions';
import { chatStore } from '../chat-store';
import classes from '../chat.module.css';
import { groupRooms, type RoomGroups } from '../room-list';
import { NewMessageModal } from './NewMessageModal';
import { RoomLink } from './RoomLink';

const groupTitles: Record<keyof RoomGroups, MessageKey> = {
  course: 'chat.group.course',
  session: 'chat.group.session',
  dm: 'chat.group.dm',
};

/** The left column (or the whole phone screen): search, "New message" and the rooms by kind. */
export function RoomList({ active, fill }: { active: string | undefined; fill: boolean }) {
  const t = useT();
  const rooms = chatStore.use((s) => s.rooms);
  const status = chatStore.use((s) => s.roomsStatus);
  const error = chatStore.use((s) => s.roomsError);
  const [query, setQuery] = useState('');
  const [composing, setComposing] = useState(false);
  const groups = useMemo(() => groupRooms(rooms, query), [rooms, query]);
  const kinds = (Object.keys(groupTitles) as (keyof RoomGroups)[]).filter(
    (kind) => groups[kind].length > 0,
  );

  return (
    <Box
      component="nav"
      aria-label={t('chat.rooms')}
      className={`${classes.rooms} ${fill ? classes.fill : ''}`}
    >
      <Stack gap="xs" p="md" pb="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={1} fz="h3">
            {t('chat.title')}
          </Title>
          <Button
            size="compact-sm"
            leftSection={<IconMessagePlus size={16} aria-hidden />}
            onClick={() => setComposing(true)}
          >
            {t('chat.newMessage')}
          </Button>
        </Group>
        <TextInput
          aria-label={t('chat.searchRooms')}
          placeholder={t('chat.searchRooms')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          type="search"
        />
      </Stack>
      <ScrollArea flex={1} px="xs" pb="sm" type="auto">
        {status === 'failed' && <ErrorNotice error={error} onRetry={() => void loadRooms()} />}
        {(status === 'loading' || status === 'idle') &&
          [0, 1, 2, 3].map((i) => <Skeleton key={i} h={44} my={6} radius="md" />)}
        {status === 'ready' && kinds.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            {query ? t('chat.noRoomMatch', { query }) : t('chat.noRooms')}
          </Text>
        )}
        {kinds.map((kind) => (
          <Box key={kind} mb="sm">
            <Text component="h2" size="xs" fw={700} c="dimmed" tt="uppercase" px={10} my={6}>
              {t(groupTitles[kind])}
            </Text>
            <Stack component="ul" gap={2} m={0} p={0} style={{ listStyle: 'none' }}>
              {groups[kind].map((room) => (
                <RoomLink key={room.room} room={room} active={room.room === active} />
              ))}
            </Stack>
          </Box>
        ))}
      </ScrollArea>
      <NewMessageModal opened={composing} onClose={() => setComposing(false)} />
    </Box>
  );
}
