import { Button, Card, Group, Stack, Textarea } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { Announcement } from '../../../../src-shared/schemas/announcements';
import type { Course } from '../../../../src-shared/schemas/courses';
import type { StoredFile } from '../../../../src-shared/schemas/files';
import { api, socket } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { CardEmpty } from '../../../ui/BentoCard';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useAccount } from '../../auth';
import { AnnouncementCard } from './AnnouncementCard';
import { AnnouncementFilesField } from './AnnouncementFilesField';

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
          <Group justify="space-between" align="flex-end">
            <AnnouncementFilesField
              files={files}
              onChange={setFiles}
              busy={busy}
              onBusy={setBusy}
              onError={setError}
            />
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
