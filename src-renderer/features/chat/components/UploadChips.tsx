import { ActionIcon, Group, Paper, RingProgress, Text, Tooltip } from '@mantine/core';
import { IconAlertCircle, IconCheck, IconX } from '@tabler/icons-react';
import { useT } from '../../../app/i18n';
import { errorText } from '../../../app/i18n/error-text';
import type { Attachments } from '../attachments';
import { fileSize } from '../format';

/** Files waiting to go with the next message: progress while uploading, remove any time. */
export function UploadChips({ attachments }: { attachments: Attachments }) {
  const t = useT();
  if (attachments.items.length === 0) return null;
  return (
    <Group gap={6} mb={6}>
      {attachments.items.map((a) => (
        <Paper key={a.id} withBorder radius="xl" px="xs" py={2} data-testid="upload-chip">
          <Group gap={6} wrap="nowrap">
            {a.status === 'uploading' && (
              <RingProgress
                size={22}
                thickness={3}
                sections={[{ value: a.progress * 100, color: 'blue' }]}
                aria-label={t('chat.uploading', {
                  name: a.name,
                  percent: Math.round(a.progress * 100),
                })}
                role="progressbar"
              />
            )}
            {a.status === 'done' && (
              <IconCheck size={14} aria-hidden color="var(--mantine-color-teal-filled)" />
            )}
            {a.status === 'failed' && (
              <Tooltip label={errorText(a.error, t)} multiline w={240}>
                <IconAlertCircle
                  size={14}
                  color="var(--mantine-color-error)"
                  aria-label={errorText(a.error, t)}
                />
              </Tooltip>
            )}
            <Text size="sm" truncate maw={180}>
              {a.name}
            </Text>
            <Text size="xs" c="dimmed">
              {fileSize(a.size)}
            </Text>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              aria-label={t('chat.removeFile', { name: a.name })}
              onClick={() => attachments.remove(a.id)}
            >
              <IconX size={14} />
            </ActionIcon>
          </Group>
        </Paper>
      ))}
    </Group>
  );
}
