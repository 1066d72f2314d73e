import { Button, Card, Grid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useLive } from '../../app/use-live';
import { useT } from '../../app/i18n';
import { CardSkeleton } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { CreateSessionModal } from './components/CreateSessionModal';
import { JoinSessionForm } from './components/JoinSessionForm';
import { SessionGrid } from './components/SessionList';
import { loadSessions, sessionsStore } from './sessions-store';

/** `/sessions`: the sessions you host and those you joined, a search, and ways to start or join one. */
export function SessionsPage() {
  const t = useT();
  const hosted = sessionsStore.use((s) => s.hosted);
  const joined = sessionsStore.use((s) => s.joined);
  const status = sessionsStore.use((s) => s.status);
  const error = sessionsStore.use((s) => s.error);
  const [query, setQuery] = useState(sessionsStore.get().query);
  const [creating, setCreating] = useState(false);
  const search = useDebouncedCallback((q: string) => void loadSessions(q), 250);

  useEffect(() => {
    void loadSessions();
  }, []);
  useLive(['sessions', 'session:*', 'person:*'], () => loadSessions(), ['sessions', 'members']);

  const firstLoad = status === 'loading' && hosted.length + joined.length === 0;
  const searching = query.trim() !== '';
  return (
    <>
      <PageHeader title={t('sessions.title')} description={t('sessions.lead')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card shadow="xs" h="100%">
            <Title order={2} fz="lg" mb="xs">
              {t('sessions.join.title')}
            </Title>
            <JoinSessionForm />
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card shadow="xs" h="100%">
            <Stack gap="xs" h="100%" justify="space-between" align="flex-start">
              <Title order={2} fz="lg">
                {t('sessions.create.title')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('sessions.create.text')}
              </Text>
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setCreating(true)}
              >
                {t('sessions.create.open')}
              </Button>
            </Stack>
          </Card>
        </Grid.Col>
      </Grid>
      <TextInput
        mt="xl"
        maw={480}
        label={t('sessions.search')}
        placeholder={t('sessions.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        type="search"
        onChange={(event) => {
          setQuery(event.currentTarget.value);
          search(event.currentTarget.value);
        }}
      />
      {error !== undefined && status === 'failed' && (
        <ErrorNotice error={error} onRetry={() => void loadSessions()} />
      )}
      <Stack gap="xl" mt="lg">
        <section aria-labelledby="hosted-heading">
          <Title order={2} fz="xl" mb="sm" id="hosted-heading">
            {t('sessions.hosted')}
          </Title>
          {firstLoad ? (
            <CardSkeleton />
          ) : (
            <SessionGrid
              sessions={hosted}
              emptyTitle={t('sessions.hostedEmpty')}
              emptyText={
                searching ? t('sessions.noMatch', { query }) : t('sessions.hostedEmptyText')
              }
            />
          )}
        </section>
        <section aria-labelledby="joined-heading">
          <Title order={2} fz="xl" mb="sm" id="joined-heading">
            {t('sessions.joined')}
          </Title>
          {firstLoad ? (
            <CardSkeleton />
          ) : (
            <SessionGrid
              sessions={joined}
              emptyTitle={t('sessions.joinedEmpty')}
              emptyText={
                searching ? t('sessions.noMatch', { query }) : t('sessions.joinedEmptyText')
              }
            />
          )}
        </section>
      </Stack>
      <CreateSessionModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
