import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconInfoCircle } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../app/hub-client';
import { fetchFile } from '../../app/file-transfer';
import { useLanguage, useT } from '../../app/i18n';
import { CardSkeleton } from '../../ui/BentoCard';
import { formatDueAt } from '../../ui/countdown';
import { ErrorNotice } from '../../ui/ErrorNotice';

/**
 * "Download a backup": the browser saves the archive itself (a signed link,
 * streamed to disk), and the time of the last completed backup is shown.
 * The hub records a backup only once its last byte went out, so the time is
 * read again when the window regains focus (after the browser's save).
 */
export function BackupPanel() {
  const t = useT();
  const language = useLanguage();
  const [lastBackupAt, setLastBackupAt] = useState<string | null | undefined>();
  const [error, setError] = useState<unknown>();
  const [starting, setStarting] = useState(false);

  const load = useCallback(() => {
    api.call('adminBackupStatus').then(
      (status) => setLastBackupAt(status.lastBackupAt),
      (failure: unknown) => setError(failure),
    );
  }, []);
  useEffect(() => {
    load();
    window.addEventListener('focus', load);
    return () => window.removeEventListener('focus', load);
  }, [load]);

  async function download() {
    setError(undefined);
    setStarting(true);
    try {
      const day = new Date().toISOString().slice(0, 10);
      await fetchFile('/api/admin/backup', `classhub-backup-${day}.tar.gz`);
    } catch (failure) {
      setError(failure);
    } finally {
      setStarting(false);
    }
  }

  if (lastBackupAt === undefined && error === undefined) return <CardSkeleton lines={3} />;
  return (
    <Stack data-testid="backup-panel">
      {error !== undefined && <ErrorNotice error={error} />}
      <Text data-testid="last-backup">
        {lastBackupAt
          ? t('backup.last', { time: formatDueAt(lastBackupAt, language) })
          : t('backup.never')}
      </Text>
      <Alert variant="light" icon={<IconInfoCircle size={20} aria-hidden />}>
        <Text size="sm">{t('backup.restoreHint')}</Text>
        {/* Wraps on a phone instead of pushing the alert wider than the screen. */}
        <Code block mt="xs" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          npm run hub -- restore --in FILE --data NEW-FOLDER
        </Code>
      </Alert>
      <Group justify="flex-end">
        <Button
          leftSection={<IconDownload size={18} aria-hidden />}
          loading={starting}
          onClick={() => void download()}
        >
          {t('backup.download')}
        </Button>
      </Group>
    </Stack>
  );
}
