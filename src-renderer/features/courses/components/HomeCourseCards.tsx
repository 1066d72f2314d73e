import { Anchor, Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { IconBooks, IconCalendarDue } from '@tabler/icons-react';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../app/i18n';
import { targetIds } from '../../../app/reveal-target';
import { useLive } from '../../../app/use-live';
import { useAccount } from '../../auth';
import { BentoCard, CardEmpty } from '../../../ui/BentoCard';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { dashboardStore, loadDashboard } from '../dashboard-store';
import { statusTone, tones } from '../../../ui/tones';
import { CountdownBadge } from '../../../ui/Countdown';

/** Both cards share the store; each follows my courses and my own enrolments. */
function useDashboard() {
  useEffect(() => {
    void loadDashboard();
  }, []);
  const myId = useAccount()?.id;
  useLive(['course:*', myId && `person:${myId}`], loadDashboard);
}

/** Home tile: the student's courses, or the teacher's with enrolment against capacity. */
export function MyCoursesCard({ teacher }: { teacher: boolean }) {
  const t = useT();
  useDashboard();
  const courses = dashboardStore.use((s) => s.courses);
  const status = dashboardStore.use((s) => s.status);
  const error = dashboardStore.use((s) => s.error);
  const title = teacher ? t('home.teacher.courses') : t('home.student.courses');
  const action = (
    <Button component={Link} to="/courses" variant="subtle" size="compact-sm">
      {t('courses.home.all')}
    </Button>
  );
  return (
    <BentoCard
      title={title}
      icon={<IconBooks size={20} />}
      loading={status !== 'ready' && status !== 'failed' && courses.length === 0}
      action={action}
    >
      {status === 'failed' && <ErrorNotice error={error} onRetry={() => void loadDashboard()} />}
      {status === 'ready' && courses.length === 0 ? (
        <CardEmpty
          title={teacher ? t('home.teacher.coursesEmpty') : t('home.student.coursesEmpty')}
          icon={<IconBooks size={24} stroke={1.5} />}
        >
          {teacher ? t('home.teacher.coursesEmptyText') : t('home.student.coursesEmptyText')}
        </CardEmpty>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {courses.slice(0, 6).map((course) => (
            <Stack key={course.id} gap={4} component="li">
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Anchor component={Link} to={`/courses/${course.id}`} fw={600} truncate>
                  {course.code} · {course.title}
                </Anchor>
                {teacher ? (
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {t('courses.home.seats', {
                      enrolled: course.enrolledCount,
                      capacity: course.capacity,
                    })}
                  </Text>
                ) : (
                  course.myEnrolment && (
                    <Badge {...tones[statusTone(course.myEnrolment.status)]}>
                      {t(`courses.status.${course.myEnrolment.status}`)}
                    </Badge>
                  )
                )}
              </Group>
              {teacher && (
                <Progress
                  value={(course.enrolledCount / Math.max(1, course.capacity)) * 100}
                  size="sm"
                  aria-label={t('courses.home.enrolmentOf', { title: course.title })}
                />
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </BentoCard>
  );
}

/** Home tile: what is due next across your courses, with live countdowns. */
export function UpcomingDeadlinesCard({ teacher }: { teacher: boolean }) {
  const t = useT();
  useDashboard();
  const upcoming = dashboardStore.use((s) => s.upcoming);
  const status = dashboardStore.use((s) => s.status);
  return (
    <BentoCard
      title={t('home.deadlines')}
      icon={<IconCalendarDue size={20} />}
      color="red"
      loading={status !== 'ready' && status !== 'failed' && upcoming.length === 0}
    >
      {upcoming.length === 0 ? (
        <CardEmpty title={t('home.deadlinesEmpty')}>
          {teacher ? t('home.teacher.deadlinesEmptyText') : t('home.student.deadlinesEmptyText')}
        </CardEmpty>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {upcoming.map(({ deadline, course }) => (
            <Stack key={deadline.id} gap={2} component="li">
              <Anchor
                component={Link}
                to={deadlinePath(course.id, deadline.id)}
                fw={600}
                size="sm"
                truncate
              >
                {deadline.title}
              </Anchor>
              <Group gap="xs" justify="space-between" wrap="nowrap">
                <Text size="xs" c="dimmed" truncate>
                  {course.code}
                </Text>
                <CountdownBadge dueAt={deadline.dueAt} />
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
    </BentoCard>
  );
}

/** Straight to the deadline on its course page, where a student's work is handed in (as in EduStream). */
function deadlinePath(courseId: string, deadlineId: string): string {
  return `/courses/${encodeURIComponent(courseId)}?tab=deadlines#${targetIds.deadline(deadlineId)}`;
}
