import { ActionIcon, Badge, Tooltip } from '@mantine/core';
import { IconCloudDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Course, Material } from '../../../src-shared/schemas/courses';
import { useT } from '../../app/i18n';
import { isDesktop } from '../../desktop';
import { tones } from '../../ui/tones';
import { enqueueDownloads, materialDownload, offlineState } from './course-downloads';
import { bridgeErrorMessage, desktopStore, watchDesktop } from './desktop-store';

/** Desktop only: keep one material on this computer; says "Saved" or how far the download is. */
export function SaveOfflineButton({ material, course }: { material: Material; course: Course }) {
  const t = useT();
  const downloads = desktopStore.use((s) => s.downloads);
  const library = desktopStore.use((s) => s.library);
  const [error, setError] = useState<string>();
  useEffect(watchDesktop, []);
  if (!isDesktop()) return null;

  const request = materialDownload(material, course);
  const where = offlineState(request, downloads, library);
  if (where.state === 'saved') return <Badge {...tones.good}>{t('desktop.material.saved')}</Badge>;
  if (where.state === 'active') {
    const percent = Math.floor((where.job.receivedBytes / Math.max(1, where.job.size)) * 100);
    return (
      <Badge {...tones.info} role="status">
        {where.job.state === 'paused'
          ? t('desktop.download.state.paused')
          : t('desktop.material.progress', { percent })}
      </Badge>
    );
  }
  const label = error ?? (where.state === 'failed' ? where.job.error : undefined);
  return (
    <Tooltip label={label ?? t('desktop.material.save')}>
      <ActionIcon
        variant="subtle"
        color={where.state === 'failed' || error ? 'red' : undefined}
        aria-label={t('desktop.material.saveNamed', { title: material.title })}
        onClick={() => {
          setError(undefined);
          enqueueDownloads([request]).catch((failure: unknown) =>
            setError(bridgeErrorMessage(failure)),
          );
        }}
      >
        <IconCloudDownload size={18} />
      </ActionIcon>
    </Tooltip>
  );
}
