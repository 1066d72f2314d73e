import { Box, Group, Text, Tooltip } from '@mantine/core';
import type { ConnectionState } from '../../api/socket-client';
import { socket } from '../../app/hub-client';
import { useT, type MessageKey } from '../../app/i18n';

const look: Record<ConnectionState, { color: string; label: MessageKey; hint: MessageKey }> = {
  connected: { color: 'teal.6', label: 'connection.connected', hint: 'connection.connectedHint' },
  connecting: {
    color: 'orange.6',
    label: 'connection.connecting',
    hint: 'connection.connectingHint',
  },
  reconnecting: {
    color: 'orange.6',
    label: 'connection.reconnecting',
    hint: 'connection.reconnectingHint',
  },
  offline: { color: 'gray.6', label: 'connection.offline', hint: 'connection.offlineHint' },
};

/** A small dot (and a word on wide windows) saying whether live updates arrive. */
export function ConnectionIndicator() {
  const t = useT();
  const state = socket.status.use((s) => s.connection);
  const { color, label, hint } = look[state];
  return (
    <Tooltip label={t(hint)} multiline w={240}>
      <Group
        gap={6}
        wrap="nowrap"
        role="status"
        aria-live="polite"
        aria-label={t(label)}
        data-testid="connection-indicator"
        data-state={state}
        tabIndex={0}
        px={6}
      >
        <Box w={10} h={10} bg={color} style={{ borderRadius: '50%' }} aria-hidden />
        <Text size="sm" c="dimmed" visibleFrom="sm" aria-hidden>
          {t(label)}
        </Text>
      </Group>
    </Tooltip>
  );
}
