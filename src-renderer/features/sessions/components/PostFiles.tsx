import { ActionIcon, Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconExternalLink, IconFile, IconLock, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { Post } from '../../../../src-shared/schemas/sessions';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { fetchFile } from '../../../app/file-transfer';
import { PreviewButton } from '../../../app/FilePreview';
import { removePostFile } from '../session-actions';
import { ConfirmDialog } from './ConfirmDialog';

type PostFile = Post['files'][number];

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A post's files as chips: open and download when allowed, otherwise a locked chip saying why. */
export function PostFiles({ post }: { post: Post }) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const [removing, setRemoving] = useState<PostFile>();
  if (post.files.length === 0) return null;
  const path = (file: PostFile) =>
    api.url('downloadPostFile', { postId: post.id, fileId: file.id });
  const run = (work: Promise<void>) => {
    setError(undefined);
    work.catch(setError);
  };
  return (
    <>
      <Group gap="xs">
        {post.files.map((file) => (
          <Paper
            key={file.id}
            withBorder
            radius="xl"
            px="sm"
            py={4}
            data-testid="post-file"
            bg={file.canDownload ? undefined : 'var(--mantine-color-default-hover)'}
          >
            <Group gap={6} wrap="nowrap">
              <IconFile size={16} aria-hidden />
              <Text size="sm" truncate maw={200}>
                {file.fileName}
              </Text>
              <Text size="xs" c="dimmed">
                {formatSize(file.size)}
              </Text>
              {file.canDownload ? (
                <>
                  <PreviewButton file={{ ...file, path: path(file) }} size="sm" />
                  <Tooltip label={t('sessions.file.open', { name: file.fileName })}>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      aria-label={t('sessions.file.open', { name: file.fileName })}
                      onClick={() => run(fetchFile(path(file), file.fileName, true))}
                    >
                      <IconExternalLink size={16} />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('sessions.file.download', { name: file.fileName })}>
                    <ActionIcon
                      variant="subtle"
                      size="sm"
                      aria-label={t('sessions.file.download', { name: file.fileName })}
                      onClick={() => run(fetchFile(path(file), file.fileName))}
                    >
                      <IconDownload size={16} />
                    </ActionIcon>
                  </Tooltip>
                </>
              ) : (
                <Tooltip
                  label={t('sessions.file.noAccess')}
                  multiline
                  w={240}
                  events={{ hover: true, focus: true, touch: true }}
                >
                  <Badge
                    component="button"
                    type="button"
                    variant="default"
                    size="sm"
                    aria-disabled
                    aria-label={`${t('sessions.file.locked')}: ${t('sessions.file.noAccess')}`}
                    leftSection={<IconLock size={12} aria-hidden />}
                    style={{ cursor: 'not-allowed' }}
                  >
                    {t('sessions.file.locked')}
                  </Badge>
                </Tooltip>
              )}
              {post.permissions.canEdit && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="sm"
                  aria-label={t('sessions.file.remove', { name: file.fileName })}
                  onClick={() => setRemoving(file)}
                >
                  <IconX size={14} />
                </ActionIcon>
              )}
            </Group>
          </Paper>
        ))}
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
      <ConfirmDialog
        opened={removing !== undefined}
        onClose={() => setRemoving(undefined)}
        title={t('sessions.file.remove', { name: removing?.fileName ?? '' })}
        confirmLabel={t('sessions.confirm')}
        onConfirm={() => removePostFile(post.id, removing!.id)}
      >
        {t('sessions.file.removeConfirm', { name: removing?.fileName ?? '' })}
      </ConfirmDialog>
    </>
  );
}
