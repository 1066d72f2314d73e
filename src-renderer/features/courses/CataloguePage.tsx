import {
  Button,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Switch,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBooks, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { useLive } from '../../app/use-live';
import { CardEmpty } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { useAccount } from '../auth';
import {
  catalogueStore,
  loadCatalogue,
  PAGE_SIZE,
  setFilters,
  type Availability,
} from './catalogue-store';
import { CourseCard } from './components/CourseCard';
import { CreateCourseModal } from './components/CreateCourseModal';
import { ArchivedSwitch } from './components/ArchivedSwitch';
import { JoinByCodeForm } from './components/JoinByCodeForm';

/** `/courses`: browse, search and filter the catalogue; enrol, join by code or create. */
export function CataloguePage() {
  const t = useT();
  const account = useAccount();
  const courses = catalogueStore.use((s) => s.courses);
  const total = catalogueStore.use((s) => s.total);
  const status = catalogueStore.use((s) => s.status);
  const refreshing = catalogueStore.use((s) => s.refreshing);
  const error = catalogueStore.use((s) => s.error);
  const availability = catalogueStore.use((s) => s.availability);
  const mineOnly = catalogueStore.use((s) => s.mineOnly);
  const page = catalogueStore.use((s) => s.page);
  const [search, setSearch] = useState(catalogueStore.get().query);
  const [creating, setCreating] = useState(false);
  const runSearch = useDebouncedCallback((query: string) => setFilters({ query }), 300);

  useEffect(() => {
    void loadCatalogue();
  }, []);
  // Seats, new courses and my own enrolments (blocked, removed).
  useLive(['catalogue', account && `person:${account.id}`], loadCatalogue);

  const isTeacher = account?.role === 'teacher';
  return (
    <>
      <PageHeader title={t('courses.title')} description={t('courses.lead')} />
      <Stack gap="lg">
        <Card shadow="xs">
          <Stack gap="md">
            <Group align="flex-end" gap="md">
              <TextInput
                label={t('courses.search')}
                placeholder={t('courses.searchPlaceholder')}
                leftSection={<IconSearch size={16} aria-hidden />}
                value={search}
                onChange={(event) => {
                  setSearch(event.currentTarget.value);
                  runSearch(event.currentTarget.value);
                }}
                style={{ flex: '1 1 240px' }}
              />
              <SegmentedControl
                aria-label={t('courses.availability')}
                value={availability}
                onChange={(value) => setFilters({ availability: value as Availability })}
                data={[
                  { value: 'any', label: t('courses.filter.any') },
                  { value: 'open', label: t('courses.filter.open') },
                  { value: 'full', label: t('courses.filter.full') },
                ]}
              />
              <Switch
                label={isTeacher ? t('courses.filter.mineTeacher') : t('courses.filter.mine')}
                checked={mineOnly}
                onChange={(event) => setFilters({ mineOnly: event.currentTarget.checked })}
                mb={8}
              />
              {(isTeacher || account?.isAdmin) && <ArchivedSwitch />}
              {isTeacher && (
                <Button
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => setCreating(true)}
                  ml="auto"
                >
                  {t('courses.create.open')}
                </Button>
              )}
            </Group>
            {account?.role === 'student' && <JoinByCodeForm />}
          </Stack>
        </Card>
        {status === 'failed' && <ErrorNotice error={error} onRetry={() => void loadCatalogue()} />}
        {status === 'loading' && courses.length === 0 ? (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy data-testid="skeleton">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={220} radius="lg" />
            ))}
          </SimpleGrid>
        ) : courses.length === 0 && status === 'ready' ? (
          <Card shadow="xs">
            <CardEmpty title={t('courses.empty')} icon={<IconBooks size={24} stroke={1.5} />}>
              {isTeacher ? t('courses.emptyTeacher') : t('courses.emptyStudent')}
            </CardEmpty>
          </Card>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} aria-busy={refreshing}>
            {courses.map((course) => (
              <CourseCard key={course.id} course={course} />
            ))}
          </SimpleGrid>
        )}
        {total > PAGE_SIZE && (
          <Pagination
            total={Math.ceil(total / PAGE_SIZE)}
            value={page}
            onChange={(next) => setFilters({ page: next })}
            getControlProps={(control) => ({ 'aria-label': t(`courses.page.${control}`) })}
          />
        )}
      </Stack>
      {isTeacher && <CreateCourseModal opened={creating} onClose={() => setCreating(false)} />}
    </>
  );
}
