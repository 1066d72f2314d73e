import { Grid, Skeleton, Stack } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Navigate, useParams } from 'react-router';
import type { Profile } from '../../../src-shared/schemas/accounts';
import { isApiError } from '../../api/api-error';
import { api } from '../../app/hub-client';
import { useLive } from '../../app/use-live';
import { useT } from '../../app/i18n';
import { CardEmpty } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { useAccount } from '../auth';
import { StatusUpdateList } from '../status-updates';
import { MessageButton } from '../chat';
import { DetailRows, IdentityCard, ProfileSection } from './ProfileCards';
import { PersonCourses, PersonSessions } from './PersonLinks';

/**
 * `/people/:username`: someone's profile, read-only. A teacher's courses are
 * listed; a student's enrolments and anyone's sessions are not, as the hub
 * has no route that lists another person's.
 */
export function PersonProfilePage() {
  const t = useT();
  const { username = '' } = useParams();
  const me = useAccount();
  const [profile, setProfile] = useState<Profile>();
  const [error, setError] = useState<unknown>();

  const load = useCallback(() => {
    setProfile(undefined);
    setError(undefined);
    api.call('profile', { params: { username } }).then(setProfile, setError);
  }, [username]);
  useEffect(load, [load]);
  useLive(['people'], load);

  if (me && me.username === username) return <Navigate to="/profile" replace />;
  if (isApiError(error, 'NOT_FOUND')) {
    return (
      <>
        <PageHeader title={t('people.notFoundTitle')} />
        <CardEmpty title={t('people.notFoundTitle')} icon={<IconUserQuestion size={24} />}>
          {t('people.notFoundText', { username })}
        </CardEmpty>
      </>
    );
  }
  if (error !== undefined) return <ErrorNotice error={error} onRetry={load} />;
  if (!profile) return <Skeleton h={240} radius="lg" data-testid="skeleton" />;
  const name = `${profile.firstName} ${profile.lastName}`;
  return (
    <>
      <PageHeader title={name} description={t('people.profileSubtitle', { username })} />
      <MessageButton userId={profile.id} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <IdentityCard profile={profile} />
            <ProfileSection title={t('profile.details')}>
              <DetailRows profile={profile} />
            </ProfileSection>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <ProfileSection title={t('people.coursesTitle')}>
              <PersonCourses username={profile.username} />
            </ProfileSection>
            <ProfileSection title={t('people.sessionsTitle')}>
              <PersonSessions username={profile.username} />
            </ProfileSection>
            <ProfileSection title={t('status.title')}>
              <StatusUpdateList username={profile.username} />
            </ProfileSection>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
