import { ActionIcon, Badge, Group, Paper, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay, IconRefresh, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { DownloadJob, DownloadState } from '../../../src-shared/bridge';
import { useLanguage, useT, type MessageKey } from '../../app/i18n';
import { desktopBridge } from '../../desktop';
import { formatSize } from '../../ui/countdown';
import { tones, type Tone } from '../../ui/tones';
import { retryDownload } from './course-downloads';
import { bridgeErrorMessage, desktopStore, latestJobs } from './desktop-store';
import { RowList, Section } from './Section';

const stateLook: Record<DownloadState, { tone: Tone; label: MessageKey }> = {
  queued: { tone: 'muted', label: 'desktop.download.state.queued' },
  downloading: { tone: 'info', label: 'desktop.download.state.downloading' },
  paused: { tone: 'warn', label: 'desktop.download.state.paused' },
  verifying: { tone: 'info', label: 'desktop.download.state.verifying' },
  done: { tone: 'good', label: 'desktop.download.state.done' },
  failed: { tone: 'bad', label: 'desktop.download.state.failed' },
  cancelled: { tone: 'muted', label: 'desktop.download.state.cancelled' },
};

/** Jobs still worth a row: finished ones live in the library, cancelled ones are gone. */
export function visibleJobs(jobs: readonly DownloadJob[]): DownloadJob[] {
  return latestJobs(jobs).filter((job) => job.state !== 'done' && job.state !== 'cancelled');
}

/** The download queue: progress pushed by main, pause / resume / cancel, retry after a failure. */
export function DownloadsSection() {
  const t = useT();
  const jobs = visibleJobs(desktopStore.use((s) => s.downloads));
  return (
    <Section title={t('desktop.downloads.title')} testId="downloads">
      <RowList items={jobs} empty={t('desktop.downloads.empty')}>
        {(job) => <DownloadRow key={job.id} job={job} />}
      </RowList>
    </Section>
  );
}

function DownloadRow({ job }: { job: DownloadJob }) {
  const t = useT();
  const language = useLanguage();
  const [error, setError] = useState<string>();
  const bridge = desktopBridge();
  const look = stateLook[job.state];
  const percent = job.size > 0 ? Math.min(100, (job.receivedBytes / job.size) * 100) : 0;
  const run = (action: () => Promise<void>) => {
    setError(undefined);
    action().catch((failure: unknown) => setError(bridgeErrorMessage(failure)));
  };
  const action = (label: MessageKey, icon: ReactNode, onClick: () => Promise<void>) => (
    <Tooltip label={t(label)}>
      <ActionIcon
        variant="subtle"
        aria-label={`${t(label)}: ${job.title}`}
        onClick={() => run(onClick)}
      >
        {icon}
      </ActionIcon>
    </Tooltip>
  );

  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="download-row">
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap">
          <Stack gap={0} style={{ flex: '1 1 180px', minWidth: 0 }}>
            <Text fw={600} truncate>
              {job.title}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              {[job.courseTitle, job.fileName].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
          <Badge {...tones[look.tone]} data-testid="download-state">
            {t(look.label)}
          </Badge>
          <Group gap={2} wrap="nowrap">
            {(job.state === 'downloading' || job.state === 'queued') &&
              bridge &&
              action('desktop.download.pause', <IconPlayerPause size={18} />, () =>
                bridge.downloads.pause(job.id),
              )}
            {job.state === 'paused' &&
              bridge &&
              action('desktop.download.resume', <IconPlayerPlay size={18} />, () =>
                bridge.downloads.resume(job.id),
              )}
            {job.state === 'failed' &&
              action('desktop.download.retry', <IconRefresh size={18} />, () => retryDownload(job))}
            {job.state !== 'failed' &&
              job.state !== 'verifying' &&
              bridge &&
              action('desktop.download.cancel', <IconX size={18} />, () =>
                bridge.downloads.cancel(job.id),
              )}
          </Group>
        </Group>
        {job.state !== 'failed' && (
          <Progress
            value={percent}
            animated={job.state === 'downloading'}
            aria-label={t('desktop.download.progressNamed', { title: job.title })}
          />
        )}
        <Text size="xs" c="dimmed">
          {t('desktop.download.bytes', {
            received: formatSize(job.receivedBytes, language),
            size: formatSize(job.size, language),
          })}
        </Text>
        {job.state === 'failed' && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {job.error ?? t('desktop.download.failedUnknown')}
          </Text>
        )}
        {error && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {error}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
