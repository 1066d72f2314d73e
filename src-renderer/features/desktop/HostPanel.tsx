import { Alert, Badge, Button, Group, Loader, Stack, Switch, Text } from '@mantine/core';
import { IconAlertTriangle, IconBroadcast, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import type { HostedHubStatus } from '../../../src-shared/bridge';
import { useT, type MessageKey } from '../../app/i18n';
import { desktopBridge } from '../../desktop';
import { tones, type Tone } from '../../ui/tones';
import { AddressList } from './AddressList';
import { bridgeErrorMessage, desktopStore } from './desktop-store';
import { HubQrCode } from './HubQrCode';

const stateLook: Record<HostedHubStatus['state'], { tone: Tone; label: MessageKey }> = {
  stopped: { tone: 'muted', label: 'desktop.host.state.stopped' },
  starting: { tone: 'warn', label: 'desktop.host.state.starting' },
  running: { tone: 'good', label: 'desktop.host.state.running' },
  failed: { tone: 'bad', label: 'desktop.host.state.failed' },
};

/** "Host a hub on this computer": start, watch, stop the hub that runs inside the app. */
export function HostPanel() {
  const t = useT();
  const status = desktopStore.use((s) => s.hosting);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const bridge = desktopBridge();
  if (!bridge) return null;

  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    action()
      .catch((failure: unknown) => setError(bridgeErrorMessage(failure)))
      .finally(() => setBusy(false));
  };
  const state = status?.state ?? 'stopped';
  const look = stateLook[state];
  const running = state === 'running' && status !== undefined;

  return (
    <Stack gap="md" data-testid="host-panel">
      <Text size="sm">{t('desktop.host.lead')}</Text>
      <Group gap="xs" role="status" aria-live="polite">
        <Text size="sm" fw={600}>
          {t('desktop.host.status')}
        </Text>
        <Badge {...tones[look.tone]} data-testid="host-state">
          {t(look.label)}
        </Badge>
        {state === 'starting' && <Loader size="xs" aria-hidden />}
      </Group>
      {state === 'failed' && (
        <Alert
          color="red"
          icon={<IconAlertTriangle size={20} aria-hidden />}
          title={t('desktop.host.failedTitle')}
        >
          {status?.error ?? t('desktop.host.failedUnknown')}
        </Alert>
      )}
      {running && (
        <Group align="flex-start" gap="lg">
          <HubQrCode url={status.urls[0] ?? ''} />
          <Stack gap="xs" style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Text size="sm" c="dimmed">
              {t('desktop.host.addressesHint')}
            </Text>
            <AddressList urls={status.urls} />
          </Stack>
        </Group>
      )}
      {error && (
        <Alert color="red" icon={<IconAlertTriangle size={20} aria-hidden />}>
          {error}
        </Alert>
      )}
      <Group gap="sm">
        {!running ? (
          <Button
            size="md"
            leftSection={<IconPlayerPlay size={18} aria-hidden />}
            loading={busy || state === 'starting'}
            onClick={() => run(() => bridge.hosting.start())}
          >
            {state === 'failed' ? t('desktop.host.retry') : t('desktop.host.start')}
          </Button>
        ) : (
          <>
            <Button size="md" loading={busy} onClick={() => run(() => bridge.hosting.start())}>
              {t('desktop.host.open')}
            </Button>
            <Button
              variant="default"
              disabled={busy}
              onClick={() =>
                run(async () => {
                  await bridge.hosting.stop();
                  await bridge.hosting.start();
                })
              }
            >
              {t('desktop.host.restart')}
            </Button>
            <Button
              variant="light"
              color="red"
              disabled={busy}
              onClick={() => run(() => bridge.hosting.stop())}
            >
              {t('desktop.host.stop')}
            </Button>
          </>
        )}
      </Group>
      <Switch
        checked={status?.keepRunningInTray ?? false}
        onChange={(event) => {
          const enabled = event.currentTarget.checked;
          run(() => bridge.hosting.setKeepRunningInTray(enabled));
        }}
        label={t('desktop.host.tray')}
        description={t('desktop.host.trayHint')}
      />
      {running && (
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconBroadcast size={18} aria-hidden />
          <Text size="sm" c="dimmed">
            {status.advertised ? t('desktop.host.advertised') : t('desktop.host.notAdvertised')}
          </Text>
        </Group>
      )}
      {status?.dataFolder && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('desktop.host.dataFolder', { folder: status.dataFolder })}
        </Text>
      )}
    </Stack>
  );
}
