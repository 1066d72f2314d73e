import { ActionIcon, Anchor, Avatar, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Comment, Post } from '../../../../src-shared/schemas/sessions';
import { useLanguage, useT } from '../../../app/i18n';
import { targetIds } from '../../../app/reveal-target';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { addComment, deleteComment, editComment } from '../session-actions';
import { sessionStore } from '../session-store';
import { ConfirmDialog } from './ConfirmDialog';
import { formatWhen } from './datetime';
import { InlineEditor } from './InlineEditor';
import { fullName } from './SessionList';

const none: readonly Comment[] = [];

/** A post's comments, oldest first, and a line to add one. Actions follow each comment's permissions. */
export function Comments({ post }: { post: Post }) {
  const t = useT();
  const comments = sessionStore.use((s) => s.comments[post.id] ?? none);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function send(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      await addComment(post.id, text.trim());
      setText('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap="sm" pl={{ base: 0, sm: 'md' }}>
      {comments.map((comment) => (
        <CommentRow key={comment.id} comment={comment} />
      ))}
      <form onSubmit={(event) => void send(event)}>
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <TextInput
            aria-label={t('sessions.comments.label')}
            placeholder={t('sessions.comments.placeholder')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="light" loading={busy}>
            {t('sessions.comments.send')}
          </Button>
        </Group>
      </form>
      {error !== undefined && <ErrorNotice error={error} />}
    </Stack>
  );
}

function CommentRow({ comment }: { comment: Comment }) {
  const t = useT();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const name = fullName(comment.author);
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      align="flex-start"
      data-testid="comment"
      id={targetIds.comment(comment.id)}
    >
      <Avatar src={comment.author.avatarUrl} size={28} radius="xl" alt="" />
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap="xs" justify="space-between" wrap="nowrap">
          <Text size="sm" truncate>
            <Anchor component={Link} to={`/people/${comment.author.username}`} fw={600} size="sm">
              {name}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              {formatWhen(comment.createdAt, language)}
              {comment.editedAt ? ` · ${t('sessions.post.edited')}` : ''}
            </Text>
          </Text>
          <Group gap={2} wrap="nowrap">
            {comment.permissions.canEdit && !editing && (
              <ActionIcon
                variant="subtle"
                size="sm"
                aria-label={t('sessions.comments.edit')}
                onClick={() => setEditing(true)}
              >
                <IconPencil size={14} />
              </ActionIcon>
            )}
            {comment.permissions.canDelete && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="sm"
                aria-label={t('sessions.comments.delete', { name })}
                onClick={() => setDeleting(true)}
              >
                <IconTrash size={14} />
              </ActionIcon>
            )}
          </Group>
        </Group>
        {editing ? (
          <InlineEditor
            initial={comment.text}
            label={t('sessions.comments.edit')}
            saveLabel={t('sessions.comments.save')}
            onSave={(text) => editComment(comment.id, text)}
            onDone={() => setEditing(false)}
          />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {comment.text}
          </Text>
        )}
      </Stack>
      <ConfirmDialog
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('sessions.comments.delete', { name })}
        confirmLabel={t('sessions.deleteAction')}
        onConfirm={() => deleteComment(comment)}
      >
        {t('sessions.comments.deleteConfirm')}
      </ConfirmDialog>
    </Group>
  );
}
