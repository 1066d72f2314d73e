import {
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBooks, IconLogin, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { Page } from '../../../src-shared/pagination';
import type { VisitorCourse } from '../../../src-shared/schemas/courses';
import { api } from '../../app/hub-client';
import { useT } from '../../app/i18n';
import { CardEmpty } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { tones } from '../../ui/tones';

const PAGE_SIZE = 12;

/** `/catalogue`: signed-out visitors browse and search courses; enrolling asks them to sign in. */
export function VisitorCataloguePage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const { result, error, reload } = useVisitorCourses(q, page);
  return (
    <>
      <PageHeader title={t('catalogue.title')} description={t('catalogue.lead')} />
      <Stack gap="lg">
        <Group align="flex-end" gap="md">
          <TextInput
            label={t('courses.search')}
            placeholder={t('catalogue.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setPage(1);
            }}
            style={{ flex: '1 1 240px' }}
          />
          <Button component={Link} to="/sign-in" variant="default" mb={1}>
            {t('welcome.signIn')}
          </Button>
        </Group>
        {error !== undefined && <ErrorNotice error={error} onRetry={reload} />}
        {error === undefined && !result && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy data-testid="skeleton">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={150} radius="lg" />
            ))}
          </SimpleGrid>
        )}
        {result?.items.length === 0 && (
          <Card shadow="xs">
            <CardEmpty title={t('courses.empty')} icon={<IconBooks size={24} stroke={1.5} />}>
              {t('catalogue.empty')}
            </CardEmpty>
          </Card>
        )}
        {result && result.items.length > 0 && (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {result.items.map((course) => (
              <VisitorCourseCard key={course.id} course={course} />
            ))}
          </SimpleGrid>
        )}
        {result && result.total > PAGE_SIZE && (
          <Pagination
            total={Math.ceil(result.total / PAGE_SIZE)}
            value={page}
            onChange={setPage}
            getControlProps={(control) => ({ 'aria-label': t(`courses.page.${control}`) })}
          />
        )}
      </Stack>
    </>
  );
}

function VisitorCourseCard({ course }: { course: VisitorCourse }) {
  const t = useT();
  const full = course.placesLeft === 0;
  return (
    <Card shadow="xs" component="article" data-testid="visitor-course">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" wrap="nowrap">
          <Badge variant="light" radius="sm">
            {course.code}
          </Badge>
          <Badge {...(full ? tones.bad : tones.good)}>
            {full ? t('courses.full') : t('catalogue.placesLeft', { count: course.placesLeft })}
          </Badge>
        </Group>
        <Title order={2} fz="lg">
          {course.title}
        </Title>
        <Text size="sm" c="dimmed">
          {t('catalogue.teacher', { name: course.teacherName })}
        </Text>
        <Button
          component={Link}
          to={`/sign-in?next=${encodeURIComponent(`/courses/${course.id}`)}`}
          leftSection={<IconLogin size={16} aria-hidden />}
          variant="light"
          mt="auto"
          disabled={full}
        >
          {t('catalogue.signInToEnrol')}
        </Button>
      </Stack>
    </Card>
  );
}

function useVisitorCourses(q: string, page: number) {
  const [result, setResult] = useState<Page<VisitorCourse>>();
  const [error, setError] = useState<unknown>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setError(undefined);
    api
      .call('visitorCatalogue', { query: { page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) } })
      .then(
        (answer) => current && setResult(answer),
        (failure: unknown) => current && setError(failure),
      );
    return () => {
      current = false;
    };
  }, [q, page, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { result, error, reload };
}
