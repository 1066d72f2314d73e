import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { IconClipboardCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Course, Deadline } from '../../../../src-shared/schemas/courses';
import type { Submission } from '../../../../src-shared/schemas/submissions';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { BentoCard, CardEmpty } from '../../../ui/BentoCard';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { tones } from './tones';

interface Waiting {
  readonly course: Course;
  readonly deadline: Deadline;
  readonly submission: Submission;
}

const SHOWN = 6;

/**
 * Every ungraded latest submission across the courses you teach, newest
 * first. One call per course and per deadline: the hub has no
 * "awaiting grading" route yet.
 */
async function loadWaiting(): Promise<Waiting[]> {
  const mine = await api.call('courses', { query: { scope: 'mine', pageSize: 50 } });
  const taught = mine.items.filter((course) => course.joinCode !== undefined);
  const perDeadline = await Promise.all(
    taught.map(async (course) => {
      const deadlines = await api.call('deadlines', {
        params: { courseId: course.id },
        query: { pageSize: 50 },
      });
      return Promise.all(
        deadlines.items.map(async (deadline) => {
          const rows = await api.call('deadlineOverview', {
            params: { deadlineId: deadline.id },
            query: { pageSize: 100 },
          });
          return rows.items.flatMap((row) =>
            row.latest && !row.grade ? [{ course, deadline, submission: row.latest }] : [],
          );
        }),
      );
    }),
  );
  return perDeadline
    .flat(2)
    .sort((a, b) => b.submission.submittedAt.localeCompare(a.submission.submittedAt));
}

/** Home tile for teachers: submissions waiting for a grade, each linking to its course. */
export function AwaitingGradingCard() {
  const t = useT();
  const [waiting, setWaiting] = useState<Waiting[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    loadWaiting().then(setWaiting, setError);
  }, []);
  return (
    <BentoCard
      title={t('home.teacher.grading')}
      icon={<IconClipboardCheck size={20} />}
      color="grape"
      loading={waiting === undefined && error === undefined}
      action={
        waiting && waiting.length > 0 ? (
          <Badge {...tones.accent} style={{ flexShrink: 0 }}>
            {t('courses.home.toGrade', { count: waiting.length })}
          </Badge>
        ) : undefined
      }
    >
      {error !== undefined && <ErrorNotice error={error} />}
      {waiting?.length === 0 && (
        <CardEmpty title={t('home.teacher.gradingEmpty')}>
          {t('home.teacher.gradingEmptyText')}
        </CardEmpty>
      )}
      {waiting && waiting.length > 0 && (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {waiting.slice(0, SHOWN).map(({ course, deadline, submission }) => (
            <Stack key={submission.id} gap={0} component="li">
              <Anchor component={Link} to={`/courses/${course.id}`} fw={600} size="sm">
                {submission.student.firstName} {submission.student.lastName} · {deadline.title}
              </Anchor>
              <Text size="xs" c="dimmed">
                {course.code}
                {submission.late ? ` · ${t('courses.submit.late')}` : ''}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
    </BentoCard>
  );
}
