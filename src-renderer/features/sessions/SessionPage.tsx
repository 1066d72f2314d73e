import { Button, Grid, Stack } from '@mantine/core';
import { IconArrowLeft, IconDoorOff } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link, useParams } from 'react-router';
import type { SessionId } from '../../../src-shared/schemas/sessions';
import { useT, type MessageKey } from '../../app/i18n';
import { CardSkeleton } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { StatusScreen } from '../../ui/StatusScreen';
import { useAccount } from '../auth';
import { ClassToolsPanel } from '../class-tools';
import { JoinTokenCard } from './components/JoinTokenCard';
import { MembersPanel } from './components/MembersPanel';
import { OpenChatButton } from '../chat';
import { PostFeed } from './components/PostFeed';
import { SessionHeader } from './components/SessionHeader';
import { closeSession, openSession } from './session-actions';
import { sessionStore, type AccessLostReason } from './session-store';

const lostText: Record<AccessLostReason, MessageKey> = {
  removed: 'sessions.lost.removed',
  blocked: 'sessions.lost.blocked',
  deleted: 'sessions.lost.deleted',
  left: 'sessions.lost.left',
};

/** `/sessions/:sessionId`: header, the host's token, the live feed and the members. */
export function SessionPage() {
  const t = useT();
  const { sessionId } = useParams() as { sessionId: SessionId };
  const account = useAccount();
  const session = sessionStore.use((s) => s.session);
  const status = sessionStore.use((s) => s.status);
  const error = sessionStore.use((s) => s.error);
  const accessLost = sessionStore.use((s) => s.accessLost);

  useEffect(() => {
    void openSession(sessionId);
    return () => closeSession(sessionId);
  }, [sessionId]);

  const back = (
    <Button
      component={Link}
      to="/sessions"
      variant="light"
      leftSection={<IconArrowLeft size={16} aria-hidden />}
    >
      {t('sessions.back')}
    </Button>
  );
  if (accessLost) {
    return (
      <StatusScreen
        icon={<IconDoorOff size={32} />}
        color="red"
        title={t('sessions.lost.title')}
        actions={back}
      >
        <span data-testid="access-lost">{t(lostText[accessLost])}</span>
      </StatusScreen>
    );
  }
  if (status === 'failed') {
    return (
      <Stack gap="md" maw={560}>
        <ErrorNotice
          error={error}
          title={t('sessions.notFound')}
          onRetry={() => void openSession(sessionId)}
        />
        <div>{back}</div>
      </Stack>
    );
  }
  if (!session) return <CardSkeleton lines={6} />;

  const canModerate = session.myRole === 'host' || (account?.isAdmin ?? false);
  return (
    <>
      <SessionHeader session={session} canModerate={canModerate} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }} order={{ base: 2, lg: 1 }}>
          <Stack gap="lg">
            <ClassToolsPanel session={session} isAdmin={account?.isAdmin ?? false} />
            <PostFeed canPost={session.myRole !== null} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }} order={{ base: 1, lg: 2 }}>
          <Stack gap="lg">
            {session.myRole !== null && <OpenChatButton room={`session:${session.id}`} />}
            <JoinTokenCard session={session} />
            <MembersPanel canModerate={canModerate} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
