import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconUserMinus, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import type { Enrolment } from '../../../../src-shared/schemas/courses';
import { useT } from '../../../app/i18n';
import { targetIds } from '../../../app/reveal-target';
import { CardEmpty } from '../../../ui/BentoCard';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { courseStore, removeStudent, setEnrolmentStatus } from '../course-store';
import { statusTone, tones } from '../../../ui/tones';
import { ConfirmButton } from '../../../ui/ConfirmButton';

/** Teachers: the course's students, with block / unblock / remove taking effect at once. */
export function StudentsPanel() {
  const t = useT();
  const enrolments = courseStore.use((s) => s.enrolments);
  if (enrolments.length === 0)
    return (
      <Card shadow="xs">
        <CardEmpty title={t('courses.students.empty')} icon={<IconUsers size={24} stroke={1.5} />}>
          {t('courses.students.emptyText')}
        </CardEmpty>
      </Card>
    );
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {enrolments.map((enrolment) => (
        <StudentRow key={enrolment.student.id} enrolment={enrolment} />
      ))}
    </Stack>
  );
}

function StudentRow({ enrolment }: { enrolment: Enrolment }) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const { student, status } = enrolment;
  const name = `${student.firstName} ${student.lastName}`.trim();
  async function toggle() {
    setBusy(true);
    setError(undefined);
    try {
      await setEnrolmentStatus(student.id, status === 'blocked' ? 'active' : 'blocked');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card shadow="xs" padding="sm" component="li" id={targetIds.student(student.id)}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600}>{name}</Text>
          <Text size="xs" c="dimmed">
            @{student.username}
            {student.email ? ` · ${student.email}` : ''}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          <Badge {...tones[statusTone(status)]}>{t(`courses.status.${status}`)}</Badge>
          {(status === 'active' || status === 'blocked') && (
            <Button
              size="compact-sm"
              variant="default"
              loading={busy}
              onClick={() => void toggle()}
            >
              {status === 'blocked' ? t('courses.students.unblock') : t('courses.students.block')}
            </Button>
          )}
          <ConfirmButton
            label={t('courses.students.remove', { name })}
            question={t('courses.students.removeConfirm', { name })}
            confirmLabel={t('courses.students.removeShort')}
            icon={<IconUserMinus size={18} />}
            onConfirm={() => removeStudent(student.id)}
          />
        </Group>
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
    </Card>
  );
}
