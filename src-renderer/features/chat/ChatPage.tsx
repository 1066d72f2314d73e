import { Box, Button, Center, Drawer, Loader, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconMessages, IconMessageOff } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { roomSchema, type RoomSummary } from '../../../src-shared/schemas/chat';
import type { UserId } from '../../../src-shared/ids';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAccount } from '../auth';
import { loadRooms, lookInto, openDirect, stopLookingInto } from './chat-actions';
import { chatStore } from './chat-store';
import classes from './chat.module.css';
import { Conversation } from './components/Conversation';
import { RoomList } from './components/RoomList';
import { SidePanel } from './components/SidePanel';
import { peerOf, roomKind } from './room-names';

/**
 * `/chat` and `/chat/:room`. Wide windows: rooms, conversation and a side
 * panel side by side. Medium ones: the side panel slides in on demand.
 * Phones: the rooms list and a conversation are separate screens.
 */
export function ChatPage() {
  const t = useT();
  const me = useAccount();
  const { room: param } = useParams();
  const room = param && roomSchema.safeParse(param).success ? param : undefined;
  const rooms = chatStore.use((s) => s.rooms);
  const roomsStatus = chatStore.use((s) => s.roomsStatus);
  const lostRoom = chatStore.use((s) => s.lostRoom);
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const wide = useMediaQuery('(min-width: 75em)', true, { getInitialValueInEffect: false });
  const [sideWanted, setSideWanted] = useState(true);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [openError, setOpenError] = useState<unknown>();
  const own = rooms.find((r) => r.room === room);
  const lookedIn = chatStore.use((s) => (room ? s.lookedIn[room] : undefined));
  const summary = own ?? lookedIn;
  usePageTitle(summary?.title ?? t('chat.title'));

  useEffect(() => {
    void loadRooms();
  }, []);
  useEffect(() => setDrawerOpen(false), [room]);
  useEffect(() => {
    if (lostRoom && lostRoom !== room) chatStore.set({ lostRoom: undefined });
  }, [lostRoom, room]);

  // A link to a conversation that was never opened (from a profile, a notification): open it.
  const peer = room && me && roomKind(room) === 'dm' ? peerOf(room, me.id) : undefined;
  useEffect(() => {
    if (roomsStatus !== 'ready' || summary || !peer || lostRoom === room) return;
    setOpenError(undefined);
    openDirect(peer as UserId).catch(setOpenError);
  }, [roomsStatus, summary, peer, room, lostRoom]);

  // A course's or session's chat that is not one of the person's rooms: looked into (an admin),
  // read-only and followed live while open; anyone else is told why not.
  const lookIn =
    roomsStatus === 'ready' &&
    room !== undefined &&
    !own &&
    roomKind(room) !== 'dm' &&
    lostRoom !== room;
  useEffect(() => {
    if (!lookIn || !room) return;
    setOpenError(undefined);
    lookInto(room).catch(setOpenError);
    return () => stopLookingInto(room);
  }, [lookIn, room]);

  if (!me) return null;
  const showList = !phone || !room;
  const showConversation = !phone || room !== undefined;
  const sideInline = wide && sideWanted;
  const toggleSide = () => (wide ? setSideWanted((v) => !v) : setDrawerOpen((v) => !v));

  let centre;
  if (!room) {
    centre = <Placeholder icon={<IconMessages size={40} />} text={t('chat.pick')} />;
  } else if (lostRoom === room) {
    centre = <Placeholder icon={<IconMessageOff size={40} />} text={t('chat.lost')} back />;
  } else if (summary) {
    centre = (
      <Conversation
        key={summary.room}
        summary={summary}
        readOnly={!own}
        me={me}
        phone={phone}
        sideOpen={wide ? sideInline : drawerOpen}
        onToggleSide={toggleSide}
      />
    );
  } else if (openError !== undefined) {
    centre = (
      <Box flex={1} p="md">
        <ErrorNotice error={openError} />
      </Box>
    );
  } else if (roomsStatus === 'ready' && !peer && !lookIn) {
    centre = <Placeholder icon={<IconMessageOff size={40} />} text={t('chat.notFound')} back />;
  } else {
    centre = (
      <Center flex={1}>
        <Loader role="progressbar" aria-label={t('chat.loading')} />
      </Center>
    );
  }

  return (
    <div className={classes.page}>
      {showList && <RoomList active={room} fill={phone} />}
      {showConversation && centre}
      {summary && sideInline && (
        <aside className={classes.side} aria-label={t('chat.side.label')}>
          <SidePanel summary={summary as RoomSummary} />
        </aside>
      )}
      {summary && !wide && (
        <Drawer
          opened={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          position="right"
          size={320}
          title={summary.title}
          closeButtonProps={{ 'aria-label': t('chat.side.hide') }}
        >
          <SidePanel summary={summary} />
        </Drawer>
      )}
    </div>
  );
}

function Placeholder({
  icon,
  text,
  back = false,
}: {
  icon: React.ReactNode;
  text: string;
  back?: boolean;
}) {
  const t = useT();
  return (
    <Center flex={1} p="lg">
      <Stack align="center" gap="sm" c="dimmed" ta="center">
        {icon}
        <Text c="dimmed" data-testid="chat-placeholder">
          {text}
        </Text>
        {back && (
          <Button component={Link} to="/chat" variant="light" size="xs">
            {t('chat.backToRooms')}
          </Button>
        )}
      </Stack>
    </Center>
  );
}
