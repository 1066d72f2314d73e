import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconArrowLeft, IconWifiOff } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import { isDesktop, isLocalShell } from '../../desktop';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { desktopStore, refreshDesktop, watchDesktop } from './desktop-store';
import { DownloadsSection } from './DownloadsSection';
import { LibrarySection } from './LibrarySection';
import { OutboxSection } from './OutboxSection';
import { SnapshotsSection } from './SnapshotsSection';
import { DesktopOnlyNotice } from './StartPage';

/** `/library`: downloads, saved files, the outbox and saved course pages — all readable offline. */
export function LibraryPage() {
  const t = useT();
  const loadError = desktopStore.use((s) => s.loadError);
  useEffect(watchDesktop, []);
  if (!isDesktop()) return <DesktopOnlyNotice />;
  const local = isLocalShell();
  return (
    <>
      <PageHeader title={t('desktop.library.title')} description={t('desktop.library.lead')} />
      <Stack gap="lg">
        {local && (
          <Group justify="space-between" gap="sm">
            <Alert
              variant="light"
              icon={<IconWifiOff size={20} aria-hidden />}
              style={{ flex: '1 1 280px' }}
            >
              {t('desktop.library.offline')}
            </Alert>
            <Button
              component={Link}
              to="/start"
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden />}
            >
              {t('desktop.library.backToStart')}
            </Button>
          </Group>
        )}
        {loadError !== undefined && (
          <ErrorNotice error={loadError} onRetry={() => void refreshDesktop()} />
        )}
        <DownloadsSection />
        <LibrarySection />
        <OutboxSection />
        <SnapshotsSection />
      </Stack>
    </>
  );
}
