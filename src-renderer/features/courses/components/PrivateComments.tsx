import {
  Button,
  Card,
  Collapse,
  Group,
  Stack,
  Text,
  Textarea,
  UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconLock } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { UserId } from '../../../../src-shared/ids';
import type { DeadlineId } from '../../../../src-shared/schemas/deadlines';
import type { PrivateComment } from '../../../../src-shared/schemas/private-comments';
import { api, socket } from '../../../app/hub-client';
import { useLanguage, useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { formatDueAt } from '../../../ui/countdown';
import { useAccount } from '../../auth';
import { courseStore } from '../course-store';

/**
 * The private thread on one student's work, shown beside the grade on both
 * sides. A teacher's grading list opens it on demand (one request per open
 * thread, not per row); new comments arrive live on both people's devices.
 */
export function PrivateComments({
  deadlineId,
  studentId,
  otherName,
  initiallyOpen = false,
}: {
  deadlineId: DeadlineId;
  studentId: UserId;
  /** Who is on the other side: the teacher for a student, the student for the teacher. */
  otherName?: string;
  initiallyOpen?: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(initiallyOpen);
  const me = useAccount();
  const teacherId = courseStore.use((s) => s.course?.teacher.id);
  // An admin looking in reads for moderation; only the two people in the thread write.
  const mayWrite = me !== undefined && (me.id === studentId || me.id === teacherId);
  const [items, setItems] = useState<PrivateComment[]>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(
    () =>
      api
        .call('privateComments', {
          params: { deadlineId, userId: studentId },
          query: { pageSize: 100 },
        })
        .then((page) => setItems(page.items), setError),
    [deadlineId, studentId],
  );
  useEffect(() => {
    if (!open) return;
    void load();
    return socket.on('work-comment:added', (comment) => {
      if (comment.deadlineId !== deadlineId || comment.studentId !== studentId) return;
      setItems((current) =>
        current?.some((c) => c.id === comment.id) ? current : [...(current ?? []), comment],
      );
    });
  }, [open, load, deadlineId, studentId]);

  const Chevron = open ? IconChevronDown : IconChevronRight;
  return (
    <Card withBorder padding="xs" radius="md">
      <UnstyledButton onClick={() => setOpen((v) => !v)} aria-expanded={open}>
        <Group gap={6} wrap="nowrap">
          <Chevron size={16} aria-hidden />
          <IconLock size={14} aria-hidden />
          <Text size="sm" fw={600}>
            {t('privateComments.title')}
            {items && items.length > 0 ? ` (${items.length})` : ''}
          </Text>
        </Group>
      </UnstyledButton>
      <Collapse expanded={open}>
        <Stack gap="xs" pt="xs">
          <Text size="xs" c="dimmed">
            {!mayWrite
              ? t('privateComments.hintModerator')
              : otherName
                ? t('privateComments.hint', { otherName })
                : t('privateComments.hintStudent')}
          </Text>
          {error !== undefined && <ErrorNotice error={error} onRetry={() => void load()} />}
          {items?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('privateComments.empty')}
            </Text>
          )}
          {items && items.length > 0 && <Thread items={items} />}
          {mayWrite && (
            <CommentForm
              deadlineId={deadlineId}
              studentId={studentId}
              onSent={(comment) =>
                setItems((current) =>
                  current?.some((c) => c.id === comment.id)
                    ? current
                    : [...(current ?? []), comment],
                )
              }
            />
          )}
        </Stack>
      </Collapse>
    </Card>
  );
}

function Thread({ items }: { items: PrivateComment[] }) {
  const language = useLanguage();
  return (
    <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {items.map((c) => (
        <li key={c.id}>
          <Text size="xs" c="dimmed">
            <Text span fw={600} c="var(--mantine-color-text)" size="xs">
              {`${c.author.firstName} ${c.author.lastName}`}
            </Text>{' '}
            · {formatDueAt(c.createdAt, language)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {c.text}
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function CommentForm({
  deadlineId,
  studentId,
  onSent,
}: {
  deadlineId: DeadlineId;
  studentId: UserId;
  onSent: (comment: PrivateComment) => void;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onSent(
        await api.call('createPrivateComment', {
          params: { deadlineId, userId: studentId },
          body: { text },
        }),
      );
      setText('');
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
        void send();
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Textarea
          aria-label={t('privateComments.label')}
          placeholder={t('privateComments.placeholder')}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          autosize
          minRows={1}
          maxRows={6}
          style={{ flex: 1 }}
        />
        <Button type="submit" size="sm" loading={busy} disabled={!text.trim()}>
          {t('privateComments.send')}
        </Button>
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
    </form>
  );
}
