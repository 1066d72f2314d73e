import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconBooks } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { UserId } from '../../../src-shared/ids';
import type { Page } from '../../../src-shared/pagination';
import type { Course } from '../../../src-shared/schemas/courses';
import { api } from '../../app/hub-client';
import { useT } from '../../app/i18n';
import { CardEmpty, CardSkeleton } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';

const SHOWN = 6;

/**
 * A teacher's courses on their profile, from the catalogue's teacher filter.
 * (Students' enrolments are private: the hub lists them only to the student.)
 */
export function TaughtCourses({ teacherId }: { teacherId: UserId }) {
  const t = useT();
  const [courses, setCourses] = useState<Page<Course>>();
  const [error, setError] = useState<unknown>();
  const load = useCallback(() => {
    setError(undefined);
    api
      .call('courses', { query: { teacherId, page: 1, pageSize: SHOWN } })
      .then(setCourses, setError);
  }, [teacherId]);
  useEffect(load, [load]);

  if (error !== undefined) return <ErrorNotice error={error} onRetry={load} />;
  if (!courses) return <CardSkeleton />;
  if (courses.items.length === 0) {
    return (
      <CardEmpty title={t('people.coursesEmpty')} icon={<IconBooks size={24} />}>
        {t('people.coursesEmptyText')}
      </CardEmpty>
    );
  }
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {courses.items.map((course) => (
        <Group key={course.id} component="li" gap="xs" wrap="nowrap">
          <Badge variant="default" miw="max-content">
            {course.code}
          </Badge>
          <Anchor component={Link} to={`/courses/${course.id}`} size="sm" truncate>
            {course.title}
          </Anchor>
        </Group>
      ))}
      {courses.total > courses.items.length && (
        <Text size="xs" c="dimmed">
          {t('people.coursesMore', { count: courses.total - courses.items.length })}
        </Text>
      )}
    </Stack>
  );
}
