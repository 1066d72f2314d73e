import { ActionIcon, Avatar, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconDownload, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Announcement } from '../../../../src-shared/schemas/announcements';
import type { StoredFile } from '../../../../src-shared/schemas/files';
import { PreviewButton } from '../../../app/FilePreview';
import { fetchFile } from '../../../app/file-transfer';
import { api } from '../../../app/hub-client';
import { useLanguage, useT } from '../../../app/i18n';
import { targetIds } from '../../../app/reveal-target';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { formatDueAt } from '../../../ui/countdown';
import { ChatMarkdown } from '../../chat';
import { AnnouncementFilesField } from './AnnouncementFilesField';

/** One announcement of the stream; its author edits the text and the files in place. */
export function AnnouncementCard({
  item,
  onChanged,
}: {
  item: Announcement;
  onChanged: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>();
  const name = `${item.author.firstName} ${item.author.lastName}`;
  return (
    <Card shadow="xs" component="li" id={targetIds.announcement(item.id)}>
      <Stack gap="xs">
        <Group gap="sm" wrap="nowrap">
          <Avatar src={item.author.avatarUrl ?? null} alt="" radius="xl" size="sm">
            {item.author.firstName.slice(0, 1)}
          </Avatar>
          <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
            <Text fw={600} size="sm" truncate>
              {name}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDueAt(item.createdAt, language)}
              {item.editedAt ? ` · ${t('announcements.edited')}` : ''}
            </Text>
          </Stack>
          {item.permissions.canEdit && (
            <ActionIcon
              variant="subtle"
              aria-label={t('announcements.edit')}
              aria-expanded={editing}
              onClick={() => setEditing((v) => !v)}
            >
              <IconPencil size={18} />
            </ActionIcon>
          )}
          {item.permissions.canDelete && (
            <ConfirmButton
              label={t('announcements.delete')}
              question={t('announcements.deleteConfirm')}
              icon={<IconTrash size={18} />}
              onConfirm={async () => {
                await api.call('deleteAnnouncement', { params: { announcementId: item.id } });
                onChanged();
              }}
            />
          )}
        </Group>
        {editing ? (
          <AnnouncementEditor
            item={item}
            onDone={(saved) => {
              setEditing(false);
              if (saved) onChanged();
            }}
          />
        ) : (
          <>
            {item.text && <ChatMarkdown text={item.text} />}
            {item.files.length > 0 && <AnnouncementFiles item={item} onError={setError} />}
          </>
        )}
        {error !== undefined && <ErrorNotice error={error} />}
      </Stack>
    </Card>
  );
}

function AnnouncementFiles({
  item,
  onError,
}: {
  item: Announcement;
  onError: (error: unknown) => void;
}) {
  return (
    <Group gap="xs">
      {item.files.map((file) => {
        const path = api.url('downloadAnnouncementFile', {
          announcementId: item.id,
          fileId: file.id,
        });
        return (
          <Group key={file.id} gap={2} wrap="nowrap">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => void fetchFile(path, file.fileName).catch(onError)}
            >
              {file.fileName}
            </Button>
            <PreviewButton file={{ ...file, path }} size="sm" />
          </Group>
        );
      })}
    </Group>
  );
}

/**
 * The author's edit: text and files together, saved as one change (the hub
 * claims the new uploads and lets the removed files go). What is left must
 * say something, as when posting.
 */
function AnnouncementEditor({
  item,
  onDone,
}: {
  item: Announcement;
  onDone: (saved: boolean) => void;
}) {
  const t = useT();
  const [text, setText] = useState(item.text);
  const [files, setFiles] = useState<StoredFile[]>(item.files);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const save = async () => {
    setError(undefined);
    setBusy(true);
    const before = new Set(item.files.map((f) => f.id));
    const after = new Set(files.map((f) => f.id));
    try {
      await api.call('updateAnnouncement', {
        params: { announcementId: item.id },
        body: {
          text,
          addFileIds: files.filter((f) => !before.has(f.id)).map((f) => f.id),
          removeFileIds: item.files.filter((f) => !after.has(f.id)).map((f) => f.id),
        },
      });
      onDone(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="xs">
        <Textarea
          aria-label={t('announcements.textLabel')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={2}
          autoFocus
        />
        <AnnouncementFilesField
          files={files}
          onChange={setFiles}
          busy={busy}
          onBusy={setBusy}
          onError={setError}
        />
        {error !== undefined && <ErrorNotice error={error} />}
        <Group gap="xs" justify="flex-end">
          <Button size="xs" variant="default" onClick={() => onDone(false)}>
            {t('announcements.cancel')}
          </Button>
          <Button
            size="xs"
            type="submit"
            loading={busy}
            disabled={!text.trim() && files.length === 0}
          >
            {t('announcements.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
