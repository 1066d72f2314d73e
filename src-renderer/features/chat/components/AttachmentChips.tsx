import { ActionIcon, Group, Paper, Text, Tooltip } from '@mantine/core';
import { IconDownload, IconPaperclip } from '@tabler/icons-react';
import type { StoredFile } from '../../../../src-shared/schemas/files';
import { useT } from '../../../app/i18n';
import { PreviewButton } from '../../../app/FilePreview';
import { fileSize } from '../format';

/** A message's files as chips; stored messages offer each one for download. */
export function AttachmentChips({
  files,
  onDownload,
  previewPath,
}: {
  files: readonly StoredFile[];
  /** Absent while the message is still being sent. */
  onDownload?: (file: StoredFile) => void;
  /** The file route of an attachment, to preview it; absent while the message is still being sent. */
  previewPath?: (file: StoredFile) => string;
}) {
  const t = useT();
  if (files.length === 0) return null;
  return (
    <Group gap={6} mt={4}>
      {files.map((file) => {
        return (
          <Paper key={file.id} withBorder radius="xl" px="sm" py={2} data-testid="chat-file">
            <Group gap={6} wrap="nowrap">
              <IconPaperclip size={14} aria-hidden />
              <Text size="sm" truncate maw={220}>
                {file.fileName}
              </Text>
              <Text size="xs" c="dimmed">
                {fileSize(file.size)}
              </Text>
              {previewPath && (
                <PreviewButton file={{ ...file, path: previewPath(file) }} size="sm" />
              )}
              {onDownload && (
                <Tooltip label={t('chat.file.download', { name: file.fileName })}>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={t('chat.file.download', { name: file.fileName })}
                    onClick={() => onDownload(file)}
                  >
                    <IconDownload size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          </Paper>
        );
      })}
    </Group>
  );
}
