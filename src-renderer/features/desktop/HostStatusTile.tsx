import { Button, Group, Stack, Text } from '@mantine/core';
import { IconServer2 } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { desktopBridge } from '../../desktop';
import { BentoCard } from '../../ui/BentoCard';
import { BentoTile } from '../../ui/BentoGrid';
import { AddressList } from './AddressList';
import { bridgeErrorMessage, desktopStore, watchDesktop } from './desktop-store';
import { HubQrCode } from './HubQrCode';

/** On the hosting teacher's home page: the hub runs on this computer — address, QR code, stop. */
export function HostStatusTile() {
  const t = useT();
  const hosting = desktopStore.use((s) => s.hosting);
  const [error, setError] = useState<string>();
  useEffect(watchDesktop, []);
  const bridge = desktopBridge();
  if (!bridge || hosting?.state !== 'running') return null;
  return (
    <BentoTile size="third">
      <BentoCard
        title={t('desktop.hostCard.title')}
        icon={<IconServer2 size={20} />}
        color="teal"
        testId="host-status-card"
      >
        <Stack gap="sm">
          <Text size="sm">{t('desktop.hostCard.lead')}</Text>
          <Group justify="center">
            <HubQrCode url={hosting.urls[0] ?? ''} size={150} />
          </Group>
          <AddressList urls={hosting.urls.slice(0, 2)} />
          {error && (
            <Text size="sm" c="var(--mantine-color-error)" role="alert">
              {error}
            </Text>
          )}
          <Group>
            <Button
              size="xs"
              variant="light"
              color="red"
              onClick={() =>
                void bridge.hosting
                  .stop()
                  .catch((failure: unknown) => setError(bridgeErrorMessage(failure)))
              }
            >
              {t('desktop.host.stop')}
            </Button>
          </Group>
        </Stack>
      </BentoCard>
    </BentoTile>
  );
}
