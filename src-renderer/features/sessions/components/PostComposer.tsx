import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  Pill,
  Progress,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconPaperclip, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { FileId } from '../../../../src-shared/schemas/files';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { uploadFile } from '../../../app/file-transfer';
import { sendPostOrQueue } from '../../desktop';
import { createPost } from '../session-actions';
import { sessionStore } from '../session-store';

const MAX_FILES = 10;

/** Text and/or files: each file is uploaded (with its progress shown), then the post names them. */
export function PostComposer() {
  const t = useT();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [upload, setUpload] = useState<{ name: string; fraction: number }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [empty, setEmpty] = useState(false);
  const [queued, setQueued] = useState(false);
  const sessionId = sessionStore.use((s) => s.sessionId);

  async function send() {
    if (!text.trim() && files.length === 0) {
      setEmpty(true);
      return;
    }
    if (!sessionId) return;
    setBusy(true);
    setError(undefined);
    setQueued(false);
    try {
      // On the desktop while offline, the post and its files wait in the outbox (a plain browser just sends).
      const outcome = await sendPostOrQueue({ sessionId, text: text.trim(), files }, async () => {
        const ids: FileId[] = [];
        for (const file of files) {
          setUpload({ name: file.name, fraction: 0 });
          const stored = await uploadFile(file, (fraction) =>
            setUpload({ name: file.name, fraction }),
          );
          ids.push(stored.id);
        }
        setUpload(undefined);
        await createPost(text.trim(), ids);
      });
      setQueued(outcome.queued);
      setText('');
      setFiles([]);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
      setUpload(undefined);
    }
  }

  const percent = Math.round((upload?.fraction ?? 0) * 100);
  return (
    <Card shadow="xs" withBorder>
      <Stack gap="sm">
        <Textarea
          label={t('sessions.composer.label')}
          placeholder={t('sessions.composer.placeholder')}
          autosize
          minRows={2}
          maxRows={10}
          value={text}
          disabled={busy}
          error={empty ? t('sessions.composer.empty') : undefined}
          onChange={(event) => {
            setText(event.currentTarget.value);
            setEmpty(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void send();
          }}
        />
        {files.length > 0 && (
          <Group gap={6}>
            {files.map((file, i) => (
              <Pill
                key={`${file.name}-${i}`}
                size="md"
                withRemoveButton={!busy}
                removeButtonProps={{
                  'aria-label': t('sessions.composer.removeFile', { name: file.name }),
                }}
                onRemove={() => setFiles((all) => all.filter((_, j) => j !== i))}
              >
                {file.name}
              </Pill>
            ))}
          </Group>
        )}
        {upload && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed">
              {t('sessions.composer.uploading', { name: upload.name, percent })}
            </Text>
            <Progress
              value={percent}
              animated
              aria-label={t('sessions.composer.uploadProgress', { name: upload.name })}
            />
          </Stack>
        )}
        {error !== undefined && <ErrorNotice error={error} title={t('sessions.composer.failed')} />}
        {queued && (
          <Alert color="blue" variant="light" role="status">
            {t('desktop.outbox.queuedNotice')}
          </Alert>
        )}
        <Group justify="space-between">
          <FileButton
            multiple
            disabled={busy || files.length >= MAX_FILES}
            onChange={(picked) => {
              setFiles((all) => [...all, ...picked].slice(0, MAX_FILES));
              setEmpty(false);
            }}
          >
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconPaperclip size={16} aria-hidden />}
              >
                {t('sessions.composer.attach')}
              </Button>
            )}
          </FileButton>
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            loading={busy}
            onClick={() => void send()}
          >
            {t('sessions.composer.post')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
