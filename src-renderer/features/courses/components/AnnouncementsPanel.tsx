import {
  ActionIcon,
  Avatar,
  Button,
  Card,
  FileButton,
  Group,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import {
  IconDownload,
  IconPaperclip,
  IconPencil,
  IconSpeakerphone,
  IconTrash,
  IconX,
} from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { Announcement } from '../../../../src-shared/schemas/announcements';
import type { Course } from '../../../../src-shared/schemas/courses';
import type { StoredFile } from '../../../../src-shared/schemas/files';
import { api, socket } from '../../../app/hub-client';
import { fetchFile, uploadFile } from '../../../app/file-transfer';
import { useLanguage, useT } from '../../../app/i18n';
import { targetIds } from '../../../app/reveal-target';
import { CardEmpty } from '../../../ui/BentoCard';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { FileKindIcon } from '../../../ui/FileKindIcon';
import { formatDueAt } from '../../../ui/countdown';
import { useAccount } from '../../auth';
import { ChatMarkdown } from '../../chat';

const PAGE_SIZE = 20;

/**
 * The course's stream, newest first. The hub sends only the fact that an
 * announcement changed (each viewer's permissions differ), so the panel
 * reloads the list; the teacher posts with optional files.
 */
export function AnnouncementsPanel({ course, manages }: { course: Course; manages: boolean }) {
  const t = useT();
  const [items, setItems] = useState<Announcement[]>();
  const [total, setTotal] = useState(0);
  // How many pages are shown; a live change reloads that many, so "Show older" is not undone.
  const [pages, setPages] = useState(1);
  const [error, setError] = useState<unknown>();
  const load = useCallback(async () => {
    try {
      const loaded = await Promise.all(
        Array.from({ length: pages }, (_, i) =>
          api.call('announcements', {
            params: { courseId: course.id },
            query: { page: i + 1, pageSize: PAGE_SIZE },
          }),
        ),
      );
      setItems(loaded.flatMap((page) => page.items));
      setTotal(loaded[0]?.total ?? 0);
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [course.id, pages]);
  useEffect(() => {
    void load();
    return socket.on('announcement:changed', ({ courseId }) => {
      if (courseId === course.id) void load();
    });
  }, [load, course.id]);

  // Only the course's own teacher posts (an admin looking in reads and moderates).
  const mayPost = useAccount()?.id === course.teacher.id && !course.archived;
  return (
    <Stack>
      {mayPost && <AnnouncementComposer course={course} onPosted={() => void load()} />}
      {error !== undefined && <ErrorNotice error={error} onRetry={() => void load()} />}
      {items?.length === 0 && (
        <Card shadow="xs">
          <CardEmpty
            title={t('announcements.empty')}
            icon={<IconSpeakerphone size={24} stroke={1.5} />}
          >
            {manages ? t('announcements.emptyTeacher') : ''}
          </CardEmpty>
        </Card>
      )}
      {items && items.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((item) => (
            <AnnouncementCard key={item.id} item={item} onChanged={() => void load()} />
          ))}
        </Stack>
      )}
      {items && items.length < total && (
        <Button variant="default" onClick={() => setPages((n) => n + 1)} mx="auto">
          {t('announcements.more')}
        </Button>
      )}
    </Stack>
  );
}

function AnnouncementComposer({ course, onPosted }: { course: Course; onPosted: () => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const [files, setFiles] = useState<StoredFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const attach = async (picked: File[]) => {
    setError(undefined);
    setBusy(true);
    try {
      for (const file of picked) {
        const stored = await uploadFile(file, () => undefined);
        setFiles((current) => [...current, stored]);
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const post = async () => {
    setError(undefined);
    setBusy(true);
    try {
      await api.call('createAnnouncement', {
        params: { courseId: course.id },
        body: { text, fileIds: files.map((f) => f.id), clientId: crypto.randomUUID() },
      });
      setText('');
      setFiles([]);
      onPosted();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card shadow="xs">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void post();
        }}
      >
        <Stack gap="xs">
          <Textarea
            aria-label={t('announcements.textLabel')}
            placeholder={t('announcements.placeholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={10}
          />
          {files.length > 0 && (
            <Group gap="xs">
              {files.map((file) => (
                <Group key={file.id} gap={4} wrap="nowrap">
                  <FileKindIcon kind={file.kind} />
                  <Text size="sm">{file.fileName}</Text>
                  <ActionIcon
                    variant="subtle"
                    size="sm"
                    aria-label={`${t('announcements.cancel')} ${file.fileName}`}
                    onClick={() => setFiles((current) => current.filter((f) => f.id !== file.id))}
                  >
                    <IconX size={14} />
                  </ActionIcon>
                </Group>
              ))}
            </Group>
          )}
          <Group justify="space-between">
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
            <Button type="submit" loading={busy} disabled={!text.trim() && files.length === 0}>
              {t('announcements.post')}
            </Button>
          </Group>
          {error !== undefined && <ErrorNotice error={error} />}
        </Stack>
      </form>
    </Card>
  );
}

function AnnouncementCard({ item, onChanged }: { item: Announcement; onChanged: () => void }) {
  const t = useT();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(item.text);
  const [error, setError] = useState<unknown>();
  const name = `${item.author.firstName} ${item.author.lastName}`;
  const save = () => {
    setError(undefined);
    api
      .call('updateAnnouncement', { params: { announcementId: item.id }, body: { text } })
      .then(() => {
        setEditing(false);
        onChanged();
      }, setError);
  };
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
              onClick={() => {
                setText(item.text);
                setEditing((v) => !v);
              }}
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
          <form
            onSubmit={(event) => {
              event.preventDefault();
              save();
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
              <Group gap="xs" justify="flex-end">
                <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                  {t('announcements.cancel')}
                </Button>
                <Button size="xs" type="submit" disabled={!text.trim()}>
                  {t('announcements.save')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          item.text && <ChatMarkdown text={item.text} />
        )}
        {item.files.length > 0 && (
          <Group gap="xs">
            {item.files.map((file) => (
              <Button
                key={file.id}
                size="xs"
                variant="light"
                leftSection={<IconDownload size={14} aria-hidden />}
                onClick={() =>
                  void fetchFile(
                    api.url('downloadAnnouncementFile', {
                      announcementId: item.id,
                      fileId: file.id,
                    }),
                    file.fileName,
                  ).catch(setError)
                }
              >
                {file.fileName}
              </Button>
            ))}
          </Group>
        )}
        {error !== undefined && <ErrorNotice error={error} />}
      </Stack>
    </Card>
  );
}
