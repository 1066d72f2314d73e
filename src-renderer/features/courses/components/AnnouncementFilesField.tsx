import { ActionIcon, Button, FileButton, Group, Text } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import type { StoredFile } from '../../../../src-shared/schemas/files';
import { uploadFile } from '../../../app/file-transfer';
import { useT } from '../../../app/i18n';
import { FileKindIcon } from '../../../ui/FileKindIcon';

/**
 * The files of an announcement being written or edited: each with a remove
 * button, and "Attach files", which uploads at once (the hub keeps an
 * upload unattached until the post or the edit claims it). The same field
 * serves the composer and the author's edit, so both change files alike.
 */
export function AnnouncementFilesField({
  files,
  onChange,
  busy,
  onBusy,
  onError,
}: {
  files: readonly StoredFile[];
  onChange: (change: (current: StoredFile[]) => StoredFile[]) => void;
  busy: boolean;
  onBusy: (busy: boolean) => void;
  onError: (error: unknown) => void;
}) {
  const t = useT();
  const attach = async (picked: File[]) => {
    onError(undefined);
    onBusy(true);
    try {
      for (const file of picked) {
        const stored = await uploadFile(file, () => undefined);
        onChange((current) => [...current, stored]);
      }
    } catch (failure) {
      onError(failure);
    } finally {
      onBusy(false);
    }
  };
  return (
    <Group gap="xs">
      {files.map((file) => (
        <Group key={file.id} gap={4} wrap="nowrap">
          <FileKindIcon kind={file.kind} />
          <Text size="sm">{file.fileName}</Text>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={t('announcements.removeFile', { name: file.fileName })}
            onClick={() => onChange((current) => current.filter((f) => f.id !== file.id))}
          >
            <IconX size={14} />
          </ActionIcon>
        </Group>
      ))}
      <FileButton multiple onChange={(picked) => void attach(picked)} disabled={busy}>
        {(props) => (
          <Button
            {...props}
            variant="default"
            size="xs"
            leftSection={<IconPaperclip size={14} aria-hidden />}
          >
            {t('announcements.attach')}
          </Button>
        )}
      </FileButton>
    </Group>
  );
}
