import { Anchor, Avatar, Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconBan, IconLockOpen, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { statusTone, tones } from '../../ui/tones';
import { ConfirmAction } from './ConfirmAction';
import classes from './students.module.css';
import { removeStudentFromCourse, setStudentStatus, type StudentRow } from './students-store';

type Enrolment = StudentRow['enrolments'][number];

/** One student, once, with a line per course of theirs that this teacher teaches. */
export function StudentCard({ row }: { row: StudentRow }) {
  const t = useT();
  const { student } = row;
  const name = `${student.firstName} ${student.lastName}`.trim();
  return (
    <Card shadow="xs" padding="md" component="li" aria-label={name}>
      <Group gap="sm" wrap="nowrap" mb="sm">
        <Avatar
          src={student.avatarUrl}
          name={name}
          color="initials"
          alt=""
          radius="xl"
          data-ring={ring(row.enrolments)}
          style={ringStyle(row.enrolments)}
        />
        <Stack gap={0} miw={0}>
          <Anchor
            component={Link}
            to={`/people/${encodeURIComponent(student.username)}`}
            fw={600}
            truncate
          >
            {name}
          </Anchor>
          <Text size="xs" c="dimmed" truncate>
            @{student.username}
            {student.email ? ` · ${student.email}` : ''}
          </Text>
        </Stack>
      </Group>
      <Stack
        gap={6}
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('students.enrolments', { name })}
      >
        {row.enrolments.map((enrolment) => (
          <EnrolmentLine key={enrolment.courseId} name={name} row={row} enrolment={enrolment} />
        ))}
      </Stack>
    </Card>
  );
}

/**
 * EduStream ringed a student's avatar green while active and red once
 * blocked; the status badges below say it in words for those who cannot
 * tell the colours apart.
 */
function ring(enrolments: readonly Enrolment[]): 'active' | 'blocked' | undefined {
  if (enrolments.some((e) => e.status === 'active')) return 'active';
  if (enrolments.some((e) => e.status === 'blocked')) return 'blocked';
  return undefined;
}

function ringStyle(enrolments: readonly Enrolment[]) {
  const state = ring(enrolments);
  if (!state) return undefined;
  const color = state === 'active' ? 'teal' : 'red';
  return { boxShadow: `0 0 0 2px var(--mantine-color-${color}-6)` };
}

function EnrolmentLine({
  name,
  row,
  enrolment,
}: {
  name: string;
  row: StudentRow;
  enrolment: Enrolment;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { courseId, courseCode, courseTitle, status } = enrolment;
  const userId = row.student.id;
  const course = courseCode;

  async function unblock() {
    setBusy(true);
    setError(undefined);
    try {
      await setStudentStatus(userId, courseId, 'active');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack gap={4} component="li" className={classes.enrolment} data-testid="enrolment">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="xs" wrap="nowrap" miw={0} style={{ flex: '1 1 200px' }}>
          <Badge variant="light" style={{ flexShrink: 0 }}>
            {courseCode}
          </Badge>
          <Anchor component={Link} to={`/courses/${courseId}`} size="sm" truncate>
            {courseTitle}
          </Anchor>
        </Group>
        <Group gap={4} wrap="nowrap">
          <Badge {...tones[statusTone(status)]}>{t(`courses.status.${status}`)}</Badge>
          {status === 'active' && (
            <ConfirmAction
              label={t('students.blockIn', { name, course })}
              question={t('students.blockConfirm', { name, course })}
              confirmLabel={t('students.block')}
              icon={<IconBan size={14} aria-hidden />}
              onConfirm={() => setStudentStatus(userId, courseId, 'blocked')}
            >
              {t('students.block')}
            </ConfirmAction>
          )}
          {status === 'blocked' && (
            <Button
              size="compact-sm"
              variant="subtle"
              loading={busy}
              leftSection={<IconLockOpen size={14} aria-hidden />}
              aria-label={t('students.unblockIn', { name, course })}
              onClick={() => void unblock()}
            >
              {t('students.unblock')}
            </Button>
          )}
          <ConfirmAction
            label={t('students.removeFrom', { name, course })}
            question={t('students.removeConfirm', { name, course })}
            confirmLabel={t('students.remove')}
            icon={<IconUserMinus size={14} aria-hidden />}
            onConfirm={() => removeStudentFromCourse(userId, courseId)}
          >
            {t('students.remove')}
          </ConfirmAction>
        </Group>
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
    </Stack>
  );
}
