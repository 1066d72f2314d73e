import { Avatar, Badge, Group, Stack, Text } from '@mantine/core';
import type { Account, AccountStatus } from '../../../src-shared/schemas/accounts';
import type {
  AdminFeedback,
  AdminPersonRef,
  AdminSubmission,
} from '../../../src-shared/schemas/admin';
import type { EnrolmentStatus } from '../../../src-shared/schemas/courses';
import { useT, type Translate } from '../../app/i18n';

const statusColor: Record<AccountStatus, string> = {
  active: 'teal',
  pending: 'orange',
  rejected: 'red',
};

/** Picture, full name and username: the first column of every people collection. */
export function PersonCell({ account }: { account: Account }) {
  const name = `${account.firstName} ${account.lastName}`;
  return (
    <Group gap="sm" wrap="nowrap" miw={0} maw={{ base: 130, sm: 280 }}>
      <Avatar src={account.avatarUrl} name={name} color="initials" alt="" radius="xl" size={32} />
      <Stack gap={0} miw={0}>
        <Text size="sm" fw={600} truncate>
          {name}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          @{account.username}
        </Text>
      </Stack>
    </Group>
  );
}

export function roleCell(account: Account, t: Translate) {
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="light">
        {t(account.role === 'teacher' ? 'role.teacher' : 'role.student')}
      </Badge>
      {account.isAdmin && <Badge variant="default">{t('role.admin')}</Badge>}
    </Group>
  );
}

/** A dot in the status colour beside plain text: light badges in orange or teal miss AA contrast. */
export function statusCell(account: Account, t: Translate) {
  return (
    <Badge variant="dot" color={statusColor[account.status]} miw="max-content">
      {t(`admin.status.${account.status}`)}
    </Badge>
  );
}

/** A person named on a record (an enrolment, a post): full name, username below. */
export function RecordPersonCell({
  person,
  phoneContext,
}: {
  person: AdminPersonRef;
  /** On phones, where a column is hidden, what this row is about besides the person (a course code). */
  phoneContext?: string;
}) {
  return (
    <Stack gap={0} miw={0} maw={{ base: 130, sm: 240 }}>
      <Text size="sm" fw={600} truncate>
        {fullName(person)}
      </Text>
      <Text size="xs" c="dimmed" truncate {...(phoneContext ? { visibleFrom: 'sm' } : {})}>
        @{person.username}
      </Text>
      {phoneContext && (
        <Text size="xs" c="dimmed" truncate hiddenFrom="sm">
          {phoneContext} · @{person.username}
        </Text>
      )}
    </Stack>
  );
}

export const fullName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;

/** Plain text cut to one line, so a long comment never stretches the table. */
export function ExcerptCell({ text, dimmed = false }: { text: string; dimmed?: boolean }) {
  return (
    <Text size="sm" truncate maw={{ base: 120, sm: 360 }} {...(dimmed ? { c: 'dimmed' } : {})}>
      {text}
    </Text>
  );
}

const enrolmentColor: Record<EnrolmentStatus, string> = {
  active: 'teal',
  blocked: 'red',
  completed: 'blue',
  dropped: 'gray',
};

export function enrolmentStatusCell(status: EnrolmentStatus, t: Translate) {
  return (
    <Badge variant="dot" color={enrolmentColor[status]} miw="max-content">
      {t(`courses.status.${status}`)}
    </Badge>
  );
}

/** Date and time in the reader's locale, short enough for a cell. */
export const dateTime = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Feedback's author, marked when they chose anonymity: only the admin's list names them. */
export function FeedbackAuthorCell({ feedback }: { feedback: AdminFeedback }) {
  const t = useT();
  return (
    <Stack gap={4} miw={0}>
      <RecordPersonCell person={feedback.author} />
      {feedback.anonymous && (
        <Badge variant="outline" color="gray" size="sm" miw="max-content">
          {t('admin.feedback.anonymous')}
        </Badge>
      )}
    </Stack>
  );
}

export function FeedbackRatingCell({ feedback }: { feedback: AdminFeedback }) {
  const t = useT();
  return (
    <Stack gap={0} miw={0}>
      <Text size="sm" fw={600}>
        {t('admin.feedback.rating', { rating: feedback.rating })}
      </Text>
      {feedback.comment ? (
        <ExcerptCell text={feedback.comment} />
      ) : (
        <ExcerptCell text={t('admin.feedback.noComment')} dimmed />
      )}
    </Stack>
  );
}

export function SubmissionVersionCell({ submission }: { submission: AdminSubmission }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge variant="default">
        {t('admin.submissions.version', { version: submission.version })}
      </Badge>
      {submission.late && (
        <Badge variant="dot" color="orange" miw="max-content">
          {t('admin.submissions.late')}
        </Badge>
      )}
    </Group>
  );
}
