import { Anchor, Badge, Button, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Course } from '../../../../src-shared/schemas/courses';
import { useT } from '../../../app/i18n';
import { errorText } from '../../../app/i18n/error-text';
import { useAccount } from '../../auth';
import { catalogueStore, enrol } from '../catalogue-store';
import { statusTone, tones } from '../../../ui/tones';

export function teacherName(course: Course): string {
  return `${course.teacher.firstName} ${course.teacher.lastName}`.trim();
}

/** One course in the catalogue: code, teacher, seats taken and the way in. */
export function CourseCard({ course }: { course: Course }) {
  const t = useT();
  const account = useAccount();
  const enrolling = catalogueStore.use((s) => s.enrolling.includes(course.id));
  const error = catalogueStore.use((s) => s.enrolErrors[course.id]);
  const full = course.enrolledCount >= course.capacity;
  const share = Math.min(100, (course.enrolledCount / Math.max(1, course.capacity)) * 100);
  const status = course.myEnrolment?.status;
  const teaches = account?.id === course.teacher.id;

  return (
    <Card shadow="xs" h="100%" component="article" aria-labelledby={`course-${course.id}`}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
          <Badge variant="light" size="lg">
            {course.code}
          </Badge>
          {status && <Badge {...tones[statusTone(status)]}>{t(`courses.status.${status}`)}</Badge>}
          {teaches && <Badge {...tones.accent}>{t('courses.youTeach')}</Badge>}
          {course.archived && <Badge {...tones.muted}>{t('courses.archived')}</Badge>}
        </Group>
        <Anchor
          component={Link}
          to={`/courses/${course.id}`}
          fw={700}
          fz="lg"
          id={`course-${course.id}`}
        >
          {course.title}
        </Anchor>
        <Text size="sm" c="dimmed">
          {t('courses.taughtBy', { name: teacherName(course) })}
        </Text>
        {course.description && (
          <Text size="sm" lineClamp={3}>
            {course.description}
          </Text>
        )}
        <Stack gap={4} mt="auto">
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('courses.seats', { enrolled: course.enrolledCount, capacity: course.capacity })}
            </Text>
            {full && (
              <Text size="xs" c="red" fw={600}>
                {t('courses.full')}
              </Text>
            )}
          </Group>
          <Progress
            value={share}
            color={full ? 'red' : share > 80 ? 'orange' : 'teal'}
            aria-label={t('courses.seatsLabel')}
          />
        </Stack>
        {error !== undefined && (
          <Text size="sm" c="red" role="alert">
            {errorText(error, t)}
          </Text>
        )}
        {account?.role === 'student' && status !== 'active' && status !== 'blocked' && (
          <Button
            onClick={() => void enrol(course.id)}
            loading={enrolling}
            aria-label={t('courses.enrolIn', { title: course.title })}
          >
            {t('courses.enrol')}
          </Button>
        )}
        {(status === 'active' || teaches) && (
          <Button component={Link} to={`/courses/${course.id}`} variant="light">
            {t('courses.open')}
          </Button>
        )}
      </Stack>
    </Card>
  );
}
