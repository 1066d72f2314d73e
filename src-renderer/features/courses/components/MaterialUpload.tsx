import { Button, FileButton, Group, Progress, Stack, Text, TextInput } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { addMaterial } from '../course-store';
import { uploadFile } from '../../../app/file-transfer';

/** Teachers: pick a file, watch it upload, and it becomes a material of the course. */
export function MaterialUpload({ courseId }: { courseId: CourseId }) {
  const t = useT();
  const [title, setTitle] = useState('');
  const [progress, setProgress] = useState<number | undefined>();
  const [error, setError] = useState<unknown>();

  async function upload(file: File | null) {
    if (!file) return;
    setError(undefined);
    setProgress(0);
    try {
      const stored = await uploadFile(file, setProgress);
      await addMaterial(courseId, stored.id, title.trim() || undefined);
      setTitle('');
    } catch (failure) {
      setError(failure);
    } finally {
      setProgress(undefined);
    }
  }

  const busy = progress !== undefined;
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <TextInput
          label={t('courses.material.titleOptional')}
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          style={{ flex: '1 1 220px' }}
          disabled={busy}
        />
        <FileButton onChange={(file) => void upload(file)} disabled={busy}>
          {(props) => (
            <Button {...props} leftSection={<IconUpload size={16} aria-hidden />} loading={busy}>
              {t('courses.material.upload')}
            </Button>
          )}
        </FileButton>
      </Group>
      {busy && (
        <Stack gap={4}>
          <Text size="xs" c="dimmed">
            {t('courses.material.uploading', { percent: Math.round((progress ?? 0) * 100) })}
          </Text>
          <Progress
            value={(progress ?? 0) * 100}
            animated
            aria-label={t('courses.material.uploadProgress')}
          />
        </Stack>
      )}
      {error !== undefined && (
        <ErrorNotice error={error} title={t('courses.material.uploadFailed')} />
      )}
    </Stack>
  );
}
