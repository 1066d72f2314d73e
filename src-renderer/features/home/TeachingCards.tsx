import { Anchor, Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconBooks, IconCalendarDue, IconClipboardCheck, IconUsers } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import { BentoCard, CardEmpty } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { CountdownBadge } from '../../ui/Countdown';
import { tones } from '../../ui/tones';
import { loadTeaching, teachingStore } from './teaching-store';

const SHOWN = 6;
const listStyle = { listStyle: 'none' } as const;

function useTeaching() {
  const summary = teachingStore.use((s) => s.summary);
  const status = teachingStore.use((s) => s.status);
  const error = teachingStore.use((s) => s.error);
  return { summary, status, error, loading: summary === undefined && status !== 'failed' };
}

/** The teacher's courses, each with its enrolment against capacity. */
export function TeachingCoursesCard() {
  const t = useT();
  const { summary, status, error, loading } = useTeaching();
  const courses = summary?.courses ?? [];
  return (
    <BentoCard
      title={t('home.teacher.courses')}
      icon={<IconBooks size={20} />}
      loading={loading}
      action={
        <Button component={Link} to="/courses" variant="subtle" size="compact-sm">
          {t('courses.home.all')}
        </Button>
      }
    >
      {status === 'failed' && <ErrorNotice error={error} onRetry={() => void loadTeaching()} />}
      {summary && courses.length === 0 && (
        <CardEmpty
          title={t('home.teacher.coursesEmpty')}
          icon={<IconBooks size={24} stroke={1.5} />}
        >
          {t('home.teacher.coursesEmptyText')}
        </CardEmpty>
      )}
      <Stack gap="sm" component="ul" p={0} m={0} style={listStyle}>
        {courses.slice(0, SHOWN).map((course) => {
          const share = Math.min(100, (course.enrolled / Math.max(1, course.capacity)) * 100);
          const full = course.enrolled >= course.capacity;
          return (
            <Stack key={course.courseId} gap={4} component="li">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/courses/${course.courseId}`} fw={600} truncate>
                  {course.code} · {course.title}
                </Anchor>
                <Group gap={6} wrap="nowrap">
                  {full && <Badge {...tones.bad}>{t('teaching.full')}</Badge>}
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('courses.home.seats', {
                      enrolled: course.enrolled,
                      capacity: course.capacity,
                    })}
                  </Text>
                </Group>
              </Group>
              <Progress
                value={share}
                size="sm"
                color={full ? 'red' : share > 80 ? 'orange' : 'teal'}
                aria-label={t('courses.home.enrolmentOf', { title: course.title })}
              />
            </Stack>
          );
        })}
      </Stack>
    </BentoCard>
  );
}

/** How many different students are active across the teacher's courses. */
export function TeachingStudentsCard() {
  const t = useT();
  const { summary, loading } = useTeaching();
  return (
    <BentoCard
      title={t('home.teacher.students')}
      icon={<IconUsers size={20} />}
      color="teal"
      loading={loading}
    >
      {summary && (
        <Stack gap={4} align="flex-start">
          <Text fz={40} fw={700} lh={1} data-testid="active-students">
            {summary.activeStudents}
          </Text>
          <Text size="sm" c="dimmed">
            {t('teaching.activeStudentsText', { count: summary.activeStudents })}
          </Text>
          <Button component={Link} to="/students" variant="subtle" size="compact-sm" px={0}>
            {t('teaching.manageStudents')}
          </Button>
        </Stack>
      )}
    </BentoCard>
  );
}

/** Latest submissions without a grade, newest first, each leading to its course. */
export function TeachingGradingCard() {
  const t = useT();
  const { summary, loading } = useTeaching();
  const waiting = summary?.awaitingGrading ?? [];
  // The summary names courses by code; its course list has the ids to link to.
  const courseIdOf = new Map(summary?.courses.map((c) => [c.code, c.courseId]));
  return (
    <BentoCard
      title={t('home.teacher.grading')}
      icon={<IconClipboardCheck size={20} />}
      color="grape"
      loading={loading}
      action={
        waiting.length > 0 ? (
          <Badge {...tones.accent} style={{ flexShrink: 0 }}>
            {t('courses.home.toGrade', { count: waiting.length })}
          </Badge>
        ) : undefined
      }
    >
      {summary && waiting.length === 0 && (
        <CardEmpty title={t('home.teacher.gradingEmpty')}>
          {t('home.teacher.gradingEmptyText')}
        </CardEmpty>
      )}
      <Stack gap="sm" component="ul" p={0} m={0} style={listStyle}>
        {waiting.slice(0, SHOWN).map((s) => {
          const courseId = courseIdOf.get(s.courseCode);
          const label = `${s.student.firstName} ${s.student.lastName} · ${s.deadlineTitle}`;
          return (
            <Stack key={s.id} gap={0} component="li">
              {courseId ? (
                <Anchor component={Link} to={`/courses/${courseId}`} fw={600} size="sm">
                  {label}
                </Anchor>
              ) : (
                <Text fw={600} size="sm">
                  {label}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {s.courseCode} · {t('teaching.version', { version: s.version })}
                {s.late ? ` · ${t('teaching.late')}` : ''}
              </Text>
            </Stack>
          );
        })}
      </Stack>
    </BentoCard>
  );
}

/** What is due next across the teacher's courses, with live countdowns. */
export function TeachingDeadlinesCard() {
  const t = useT();
  const deadlines = teachingStore.use((s) => s.deadlines);
  const { summary, loading } = useTeaching();
  return (
    <BentoCard
      title={t('home.deadlines')}
      icon={<IconCalendarDue size={20} />}
      color="red"
      loading={loading}
    >
      {summary && deadlines.length === 0 && (
        <CardEmpty title={t('home.deadlinesEmpty')}>
          {t('home.teacher.deadlinesEmptyText')}
        </CardEmpty>
      )}
      <Stack gap="sm" component="ul" p={0} m={0} style={listStyle}>
        {deadlines.map((deadline) => (
          <Stack key={deadline.id} gap={2} component="li">
            <Anchor
              component={Link}
              to={`/courses/${deadline.courseId}`}
              fw={600}
              size="sm"
              truncate
            >
              {deadline.title}
            </Anchor>
            <Group gap="xs" justify="space-between" wrap="nowrap">
              <Text size="xs" c="dimmed" truncate>
                {deadline.courseCode}
              </Text>
              <CountdownBadge dueAt={deadline.dueAt} />
            </Group>
          </Stack>
        ))}
      </Stack>
    </BentoCard>
  );
}
