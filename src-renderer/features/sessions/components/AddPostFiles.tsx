import { Button, FileButton, Group, Progress, Stack, Text } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import type { Post } from '../../../../src-shared/schemas/sessions';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { uploadFile } from '../../../app/file-transfer';
import { addPostFiles } from '../session-actions';

/** A post holds at most this many files (the hub says so too). */
const MAX_FILES = 10;

/** The author adds files to their post while editing it: uploaded one by one, then attached together. */
export function AddPostFiles({ post }: { post: Post }) {
  const t = useT();
  const [upload, setUpload] = useState<{ name: string; fraction: number }>();
  const [error, setError] = useState<unknown>();
  const room = MAX_FILES - post.files.length;
  async function add(files: File[]) {
    setError(undefined);
    try {
      const ids = [];
      for (const file of files.slice(0, room)) {
        setUpload({ name: file.name, fraction: 0 });
        const stored = await uploadFile(file, (fraction) =>
          setUpload({ name: file.name, fraction }),
        );
        ids.push(stored.id);
      }
      await addPostFiles(post.id, ids);
    } catch (failure) {
      setError(failure);
    } finally {
      setUpload(undefined);
    }
  }
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <FileButton multiple onChange={(files) => void add(files)} disabled={room <= 0}>
          {(props) => (
            <Button
              {...props}
              size="xs"
              variant="default"
              leftSection={<IconPaperclip size={14} aria-hidden />}
              loading={upload !== undefined}
            >
              {t('sessions.post.addFiles')}
            </Button>
          )}
        </FileButton>
        {room <= 0 && (
          <Text size="xs" c="dimmed">
            {t('sessions.post.filesFull', { max: MAX_FILES })}
          </Text>
        )}
      </Group>
      {upload && (
        <Progress
          value={upload.fraction * 100}
          size="sm"
          aria-label={t('sessions.composer.uploading', {
            name: upload.name,
            percent: Math.round(upload.fraction * 100),
          })}
        />
      )}
      {error !== undefined && <ErrorNotice error={error} />}
    </Stack>
  );
}
