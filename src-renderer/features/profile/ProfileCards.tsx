import { Avatar, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Account, Profile } from '../../../src-shared/schemas/accounts';
import { useLanguage, useT, type MessageKey } from '../../app/i18n';

/** Picture, names, role and bio: the top of anyone's profile. `avatar` replaces the picture (own profile: the editor). */
export function IdentityCard({ profile, avatar }: { profile: Profile; avatar?: ReactNode }) {
  const t = useT();
  const name = `${profile.firstName} ${profile.lastName}`;
  return (
    <Card shadow="xs" h="100%" data-testid="identity-card">
      <Stack align="center" ta="center" gap="xs" py="md">
        {avatar ?? (
          <Avatar
            src={profile.avatarUrl}
            name={name}
            color="initials"
            alt={t('people.avatarAlt', { name })}
            size={112}
            radius={112}
          />
        )}
        <Title order={2} fz="xl">
          {name}
        </Title>
        <Text c="dimmed">@{profile.username}</Text>
        <Group gap="xs" justify="center">
          <Badge variant="light">
            {t(profile.role === 'teacher' ? 'role.teacher' : 'role.student')}
          </Badge>
          {profile.isAdmin && <Badge variant="default">{t('role.admin')}</Badge>}
        </Group>
        <Text
          size="sm"
          mt="sm"
          c={profile.bio ? undefined : 'dimmed'}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          {profile.bio || t('profile.noBio')}
        </Text>
      </Stack>
    </Card>
  );
}

/** Joined date, email (when the viewer may see it) and the fields of the person's role. */
export function DetailRows({ profile }: { profile: Profile | Account }) {
  const t = useT();
  const language = useLanguage();
  const date = (iso: string) =>
    new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(iso));
  const rows: [MessageKey, ReactNode][] = [];
  if (profile.email) {
    const verified = 'emailVerified' in profile ? profile.emailVerified : undefined;
    rows.push([
      'field.email',
      <Group gap={6} component="span" justify="flex-end">
        {profile.email}
        {verified !== undefined && (
          <Badge size="sm" variant={verified ? 'light' : 'default'} component="span">
            {t(verified ? 'profile.emailVerified' : 'profile.emailNotVerified')}
          </Badge>
        )}
      </Group>,
    ]);
  }
  rows.push(['profile.joined', date(profile.joinedAt)]);
  if (profile.student?.studentId) rows.push(['profile.studentId', profile.student.studentId]);
  if (profile.student?.enrolmentDate)
    rows.push(['profile.enrolmentDate', date(profile.student.enrolmentDate)]);
  if (profile.teacher?.title) rows.push(['profile.teacherTitle', profile.teacher.title]);
  if (profile.teacher?.department) rows.push(['profile.department', profile.teacher.department]);
  if (profile.teacher?.yearsOfExperience !== undefined)
    rows.push(['profile.yearsOfExperience', String(profile.teacher.yearsOfExperience)]);
  return (
    <Stack gap="sm" component="dl" m={0}>
      {rows.map(([label, value]) => (
        <Group key={label} justify="space-between" wrap="wrap" gap={4}>
          <Text component="dt" c="dimmed" size="sm">
            {t(label)}
          </Text>
          <Text
            component="dd"
            m={0}
            fw={500}
            size="sm"
            ta="right"
            style={{ overflowWrap: 'anywhere' }}
          >
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

/** A titled card section of a profile page. */
export function ProfileSection({
  title,
  action,
  children,
  testId,
}: {
  title: string;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
}) {
  return (
    <Card shadow="xs" component="section" aria-label={title} data-testid={testId}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}
