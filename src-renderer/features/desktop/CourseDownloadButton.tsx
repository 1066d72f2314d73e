import { Button, Text } from '@mantine/core';
import { IconCloudDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Course, Material } from '../../../src-shared/schemas/courses';
import { useT } from '../../app/i18n';
import { isDesktop } from '../../desktop';
import { downloadCourse } from './course-downloads';
import { bridgeErrorMessage, watchDesktop } from './desktop-store';

/** Desktop only: every material of the course into the offline library, in one click. */
export function CourseDownloadButton({
  course,
  materials,
}: {
  course: Course;
  materials: readonly Material[];
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();
  useEffect(watchDesktop, []);
  if (!isDesktop() || materials.length === 0) return null;

  async function download() {
    setBusy(true);
    setMessage(undefined);
    try {
      const count = await downloadCourse(course, materials);
      setMessage({
        text: count === 0 ? t('desktop.course.allSaved') : t('desktop.course.queued', { count }),
        failed: false,
      });
    } catch (failure) {
      setMessage({ text: bridgeErrorMessage(failure), failed: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button
        size="xs"
        variant="light"
        loading={busy}
        leftSection={<IconCloudDownload size={14} aria-hidden />}
        onClick={() => void download()}
      >
        {t('desktop.course.download')}
      </Button>
      {message && (
        <Text
          size="sm"
          role={message.failed ? 'alert' : 'status'}
          c={message.failed ? 'var(--mantine-color-error)' : 'dimmed'}
          // Its own line at the end of the course's action row, not wedged between buttons.
          style={{ flexBasis: '100%', order: 99 }}
        >
          {message.text}
        </Text>
      )}
    </>
  );
}
