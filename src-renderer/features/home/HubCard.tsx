import { Code, CopyButton, Group, Stack, Text, Tooltip, ActionIcon } from '@mantine/core';
import { IconCheck, IconCopy, IconServer2 } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { HubInfo } from '../../../src-shared/schemas/health';
import { api, socket } from '../../app/hub-client';
import { useT, type MessageKey } from '../../app/i18n';
import { BentoCard } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';

const stateText: Record<string, MessageKey> = {
  connected: 'connection.connectedHint',
  connecting: 'connection.connectingHint',
  reconnecting: 'connection.reconnectingHint',
  offline: 'connection.offlineHint',
};

/** Which hub this is, whether live updates flow, and (for teachers) the address to give the class. */
export function HubCard({ showAddress }: { showAddress: boolean }) {
  const t = useT();
  const connection = socket.status.use((s) => s.connection);
  const [health, setHealth] = useState<HubInfo>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(() => {
    setError(undefined);
    api.call('hubInfo').then(setHealth, setError);
  }, []);
  useEffect(load, [load]);

  // The hub's own network address beats the one this browser used (often 127.0.0.1 on the teacher's laptop).
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  const address = isLoopback(origin) ? (health?.lanUrls[0] ?? origin) : origin;
  return (
    <BentoCard
      title={t('hub.title')}
      icon={<IconServer2 size={20} />}
      color="cyan"
      loading={!health && error === undefined}
      testId="hub-card"
    >
      {error !== undefined ? (
        <ErrorNotice error={error} onRetry={load} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t(stateText[connection] ?? 'connection.offlineHint')}</Text>
          {showAddress && (
            <Stack gap={4}>
              <Text size="sm" c="dimmed">
                {t('hub.addressHint')}
              </Text>
              <Group gap={6} wrap="nowrap">
                <Code fz="sm">{address}</Code>
                <CopyButton value={address}>
                  {({ copied, copy }) => (
                    <Tooltip label={copied ? t('common.copied') : t('hub.copyAddress')}>
                      <ActionIcon variant="subtle" onClick={copy} aria-label={t('hub.copyAddress')}>
                        {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                      </ActionIcon>
                    </Tooltip>
                  )}
                </CopyButton>
              </Group>
              {isLoopback(address) && (
                <Text size="xs" c="dimmed">
                  {t('hub.loopbackHint')}
                </Text>
              )}
            </Stack>
          )}
          <Text size="xs" c="dimmed">
            {t('hub.version', { version: health?.version ?? '' })}
          </Text>
        </Stack>
      )}
    </BentoCard>
  );
}

/** 127.0.0.1 or localhost only works on the hub's own computer: not an address to hand out. */
function isLoopback(origin: string): boolean {
  try {
    const host = new URL(origin).hostname;
    return host === 'localhost' || host === '[::1]' || host.startsWith('127.');
  } catch {
    return false;
  }
}
