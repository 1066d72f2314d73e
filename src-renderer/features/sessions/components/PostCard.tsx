import { ActionIcon, Anchor, Avatar, Button, Card, Group, Menu, Stack, Text } from '@mantine/core';
import { IconDots, IconMessageCircle, IconPencil, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Post } from '../../../../src-shared/schemas/sessions';
import { useLanguage, useT } from '../../../app/i18n';
import { targetIds, THREAD_PARAM } from '../../../app/reveal-target';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { deletePost, editPost, loadComments } from '../session-actions';
import { sessionStore } from '../session-store';
import { AddPostFiles } from './AddPostFiles';
import { Comments } from './Comments';
import { ConfirmDialog } from './ConfirmDialog';
import { formatWhen } from './datetime';
import { InlineEditor } from './InlineEditor';
import { PostFiles } from './PostFiles';
import { fullName } from './SessionList';

/** One post: author, text, files, and its comments on request. Actions only as permissions say. */
export function PostCard({ post }: { post: Post }) {
  const t = useT();
  const language = useLanguage();
  const name = fullName(post.author);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [showComments, setShowComments] = useState(false);
  const [error, setError] = useState<unknown>();
  const threadLoaded = sessionStore.use((s) => s.comments[post.id] !== undefined);

  // A link to a comment (a notification) opens this post's thread.
  const threadWanted = useSearchParams()[0].get(THREAD_PARAM) === post.id;
  useEffect(() => {
    if (!threadWanted) return;
    setShowComments(true);
    if (sessionStore.get().comments[post.id] === undefined) loadComments(post.id).catch(setError);
  }, [threadWanted, post.id]);

  function toggleComments() {
    setShowComments((open) => !open);
    if (!threadLoaded) loadComments(post.id).catch(setError);
  }

  const { canEdit, canDelete } = post.permissions;
  return (
    <Card
      shadow="xs"
      withBorder
      component="article"
      id={targetIds.post(post.id)}
      aria-label={t('sessions.post.label', { name })}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Avatar src={post.author.avatarUrl} radius="xl" alt="" />
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/people/${post.author.username}`} fw={600} truncate>
                {name}
              </Anchor>
              <Text size="xs" c="dimmed">
                {formatWhen(post.createdAt, language)}
                {post.editedAt ? ` · ${t('sessions.post.edited')}` : ''}
              </Text>
            </Stack>
          </Group>
          {(canEdit || canDelete) && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={t('sessions.post.actions', { name })}>
                  <IconDots size={18} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {canEdit && (
                  <Menu.Item
                    leftSection={<IconPencil size={16} aria-hidden />}
                    onClick={() => setEditing(true)}
                  >
                    {t('sessions.post.edit')}
                  </Menu.Item>
                )}
                {canDelete && (
                  <Menu.Item
                    color="red"
                    leftSection={<IconTrash size={16} aria-hidden />}
                    onClick={() => setDeleting(true)}
                  >
                    {t('sessions.post.delete')}
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        {editing ? (
          <InlineEditor
            initial={post.text}
            label={t('sessions.post.textLabel')}
            saveLabel={t('sessions.post.save')}
            onSave={(text) => editPost(post.id, text)}
            onDone={() => setEditing(false)}
          />
        ) : (
          post.text && (
            <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{post.text}</Text>
          )
        )}
        <PostFiles post={post} />
        {editing && <AddPostFiles post={post} />}
        <Group>
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconMessageCircle size={16} aria-hidden />}
            aria-expanded={showComments}
            onClick={toggleComments}
          >
            {showComments
              ? t('sessions.comments.hide')
              : t('sessions.comments.show', { count: post.commentCount })}
          </Button>
        </Group>
        {error !== undefined && <ErrorNotice error={error} />}
        {showComments && threadLoaded && <Comments post={post} />}
      </Stack>
      <ConfirmDialog
        opened={deleting}
        onClose={() => setDeleting(false)}
        title={t('sessions.post.delete')}
        confirmLabel={t('sessions.deleteAction')}
        onConfirm={() => deletePost(post.id)}
      >
        {t('sessions.post.deleteConfirm')}
      </ConfirmDialog>
    </Card>
  );
}
