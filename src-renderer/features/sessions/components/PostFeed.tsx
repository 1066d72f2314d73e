import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconNotes } from '@tabler/icons-react';
import { useT } from '../../../app/i18n';
import { CardEmpty, CardSkeleton } from '../../../ui/BentoCard';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { loadPosts } from '../session-actions';
import { filtersActive, sessionStore } from '../session-store';
import { PostCard } from './PostCard';
import { PostComposer } from './PostComposer';
import { PostFilters } from './PostFilters';

/** The composer, the search, and the posts newest first. */
export function PostFeed({ canPost }: { canPost: boolean }) {
  const t = useT();
  const posts = sessionStore.use((s) => s.posts);
  const total = sessionStore.use((s) => s.postsTotal);
  const status = sessionStore.use((s) => s.postsStatus);
  const error = sessionStore.use((s) => s.postsError);
  const filtered = sessionStore.use((s) => filtersActive(s.filters));
  return (
    <Stack gap="md" component="section" aria-labelledby="feed-heading">
      <Title order={2} fz="xl" id="feed-heading">
        {t('sessions.feed')}
      </Title>
      {canPost && <PostComposer />}
      <PostFilters />
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('sessions.posts.count', { count: total })}
      </Text>
      {status === 'failed' && <ErrorNotice error={error} onRetry={() => void loadPosts()} />}
      {status === 'loading' && posts.length === 0 && <CardSkeleton />}
      {status === 'ready' && posts.length === 0 && (
        <Card withBorder>
          <CardEmpty
            title={t(filtered ? 'sessions.posts.noMatch' : 'sessions.posts.empty')}
            icon={<IconNotes size={24} stroke={1.5} />}
          >
            {t(filtered ? 'sessions.posts.noMatchText' : 'sessions.posts.emptyText')}
          </CardEmpty>
        </Card>
      )}
      {posts.map((post) => (
        <PostCard key={post.id} post={post} />
      ))}
      {posts.length > 0 && posts.length < total && (
        <Button
          variant="default"
          loading={status === 'loading'}
          onClick={() => void loadPosts(undefined, true)}
          style={{ alignSelf: 'center' }}
        >
          {t('sessions.posts.more')}
        </Button>
      )}
    </Stack>
  );
}
