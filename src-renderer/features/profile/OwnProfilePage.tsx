import { Button, Grid, Skeleton, Stack, Text } from '@mantine/core';
import { IconDevicesOff, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useT } from '../../app/i18n';
import { PageHeader } from '../../ui/PageHeader';
import { useAccount } from '../auth';
import { SignOutEverywhereDialog } from '../auth';
import { StatusComposer } from '../status-updates';
import { StatusUpdateList } from '../status-updates';
import { AvatarEditor } from './AvatarEditor';
import { ChangePasswordForm } from './ChangePasswordForm';
import { EditProfileForm } from './EditProfileForm';
import { DetailRows, IdentityCard, ProfileSection } from './ProfileCards';

/** `/profile`: your account as others see it, with editing, picture, password and status updates. */
export function OwnProfilePage() {
  const t = useT();
  const account = useAccount();
  const [editing, setEditing] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  if (!account) return <Skeleton h={240} radius="lg" data-testid="skeleton" />;
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.subtitle')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <IdentityCard profile={account} avatar={<AvatarEditor account={account} />} />
            <ProfileSection title={t('status.title')} testId="own-status-updates">
              <Stack gap="md">
                <StatusComposer />
                <StatusUpdateList username={account.username} />
              </Stack>
            </ProfileSection>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <ProfileSection
              title={editing ? t('profile.editTitle') : t('profile.details')}
              action={
                !editing && (
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconPencil size={16} />}
                    onClick={() => setEditing(true)}
                  >
                    {t('profile.edit')}
                  </Button>
                )
              }
            >
              {editing ? (
                <EditProfileForm account={account} onDone={() => setEditing(false)} />
              ) : (
                <DetailRows profile={account} />
              )}
            </ProfileSection>
            <ProfileSection title={t('password.changeTitle')}>
              <ChangePasswordForm account={account} />
            </ProfileSection>
            <ProfileSection title={t('profile.devicesTitle')}>
              <Stack gap="sm" align="flex-start">
                <Text size="sm" c="dimmed">
                  {t('profile.devicesText')}
                </Text>
                <Button
                  variant="default"
                  leftSection={<IconDevicesOff size={18} />}
                  onClick={() => setSigningOut(true)}
                >
                  {t('userMenu.signOutEverywhere')}
                </Button>
              </Stack>
            </ProfileSection>
          </Stack>
        </Grid.Col>
      </Grid>
      <SignOutEverywhereDialog opened={signingOut} onClose={() => setSigningOut(false)} />
    </>
  );
}
