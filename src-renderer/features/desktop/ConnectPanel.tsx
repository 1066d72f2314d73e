import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconPlugConnected, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { KnownHub } from '../../../src-shared/bridge';
import { useT, type MessageKey } from '../../app/i18n';
import { desktopBridge } from '../../desktop';
import { tones, type Tone } from '../../ui/tones';
import { bridgeErrorMessage, desktopStore } from './desktop-store';

const sourceLook: Record<KnownHub['source'], { tone: Tone; label: MessageKey }> = {
  discovered: { tone: 'good', label: 'desktop.connect.badge.discovered' },
  recent: { tone: 'info', label: 'desktop.connect.badge.recent' },
  hosted: { tone: 'accent', label: 'desktop.connect.badge.hosted' },
};

/** People type "192.168.1.20:4000"; main wants an origin. */
export function normaliseHubAddress(input: string): string {
  const trimmed = input.trim().replace(/\/+$/, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
}

/** Hubs on this network first (they answer right now), then recent ones, most recent first. */
export function sortHubs(hubs: readonly KnownHub[]): KnownHub[] {
  const rank = { hosted: 0, discovered: 1, recent: 2 } as const;
  return [...hubs].sort(
    (a, b) =>
      rank[a.source] - rank[b.source] || (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? ''),
  );
}

/** "Connect to a hub": type an address, or pick one used before or found on the network. */
export function ConnectPanel() {
  const t = useT();
  const hubs = desktopStore.use((s) => s.hubs);
  const [address, setAddress] = useState('');
  // Shown under the address field for a typed address, under the list for a picked hub.
  const [error, setError] = useState<string>();
  const [listError, setListError] = useState<string>();
  const [connecting, setConnecting] = useState<string>();
  const bridge = desktopBridge();
  if (!bridge) return null;

  async function connect(url: string, fromList = false) {
    setError(undefined);
    setListError(undefined);
    setConnecting(url);
    try {
      await bridge?.hubs.connect(url);
    } catch (failure) {
      (fromList ? setListError : setError)(bridgeErrorMessage(failure));
    } finally {
      setConnecting(undefined);
    }
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!address.trim()) {
      setError(t('desktop.connect.empty'));
      return;
    }
    void connect(normaliseHubAddress(address));
  }

  return (
    <Stack gap="md" data-testid="connect-panel">
      <Text size="sm">{t('desktop.connect.lead')}</Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('desktop.connect.address')}
            placeholder={t('desktop.connect.placeholder')}
            value={address}
            onChange={(event) => setAddress(event.currentTarget.value)}
            error={error}
            style={{ flex: '1 1 220px' }}
            autoComplete="url"
            inputMode="url"
          />
          <Button
            type="submit"
            size="sm"
            mt={{ base: 0, xs: 25 }}
            loading={connecting !== undefined && connecting === normaliseHubAddress(address)}
            leftSection={<IconPlugConnected size={18} aria-hidden />}
          >
            {t('desktop.connect.submit')}
          </Button>
        </Group>
      </form>
      <Stack gap="xs" component="section" aria-label={t('desktop.connect.known')}>
        <Text fw={600} size="sm">
          {t('desktop.connect.known')}
        </Text>
        {hubs.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('desktop.connect.none')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
            {sortHubs(hubs).map((hub) => (
              <Paper key={hub.url} component="li" withBorder p="sm" radius="md">
                <Group gap="sm" wrap="wrap">
                  <Stack gap={2} style={{ flex: '1 1 180px', minWidth: 0 }}>
                    <Group gap={6}>
                      <Text fw={600} truncate>
                        {hub.name}
                      </Text>
                      <Badge size="sm" {...tones[sourceLook[hub.source].tone]}>
                        {t(sourceLook[hub.source].label)}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed" truncate>
                      {hub.url}
                    </Text>
                  </Stack>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="xs"
                      variant="light"
                      loading={connecting === hub.url}
                      onClick={() => void connect(hub.url, true)}
                      aria-label={t('desktop.connect.toNamed', { name: hub.name })}
                    >
                      {t('desktop.connect.to')}
                    </Button>
                    {hub.source === 'recent' && (
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={t('desktop.connect.forget', { name: hub.name })}
                        onClick={() =>
                          void bridge.hubs
                            .forget(hub.url)
                            // Main also pushes the new list; reading it keeps the screen right if it does not.
                            .then(() => bridge.hubs.known())
                            .then((known) => desktopStore.set({ hubs: known }))
                            .catch((failure: unknown) => setListError(bridgeErrorMessage(failure)))
                        }
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    )}
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {listError && (
          <Alert color="red" icon={<IconAlertTriangle size={20} aria-hidden />}>
            {listError}
          </Alert>
        )}
      </Stack>
    </Stack>
  );
}
