import { Card, Group, Pagination, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { RefuseToHome } from '../../app/refused';
import { enrolmentStatuses, type CourseId } from '../../../src-shared/schemas/courses';
import { useT } from '../../app/i18n';
import { useLive } from '../../app/use-live';
import { CardEmpty } from '../../ui/BentoCard';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PageHeader } from '../../ui/PageHeader';
import { useAccount } from '../auth';
import { StudentCard } from './StudentCard';
import {
  loadStudents,
  loadTaughtCourses,
  openStudentsFor,
  PAGE_SIZE,
  setStudentFilters,
  studentsStore,
  type StudentsState,
} from './students-store';

/** `/students`: a teacher's students across their courses, each once, with block / unblock / remove. */
export function StudentsPage() {
  const t = useT();
  const account = useAccount();
  const rows = studentsStore.use((s) => s.rows);
  const total = studentsStore.use((s) => s.total);
  const status = studentsStore.use((s) => s.status);
  const refreshing = studentsStore.use((s) => s.refreshing);
  const error = studentsStore.use((s) => s.error);
  const page = studentsStore.use((s) => s.page);
  const isTeacher = account?.role === 'teacher' || account?.isAdmin === true;

  const accountId = account?.id;
  useEffect(() => {
    if (!isTeacher || !accountId) return;
    openStudentsFor(accountId);
    void loadTaughtCourses();
    void loadStudents();
  }, [isTeacher, accountId]);
  // Enrolments in my courses come on my own topic; an admin hears of every course.
  useLive(
    [accountId && `person:${accountId}`, 'course:*', account?.isAdmin ? 'admin' : undefined],
    loadStudents,
  );

  // The hub refuses the list to students; the navigation does not offer it to them either.
  if (account && !isTeacher) return <RefuseToHome page="students" />;

  return (
    <>
      <PageHeader title={t('students.title')} description={t('students.lead')} />
      <Stack gap="lg">
        <StudentFilters />
        {status === 'failed' && <ErrorNotice error={error} onRetry={() => void loadStudents()} />}
        {status !== 'failed' && (
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="student-total">
            {status === 'ready' ? t('students.total', { count: total }) : '\u00a0'}
          </Text>
        )}
        {(status === 'loading' || status === 'idle') && rows.length === 0 ? (
          <Stack aria-busy data-testid="skeleton">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} h={110} radius="lg" />
            ))}
          </Stack>
        ) : status === 'ready' && rows.length === 0 ? (
          <Card shadow="xs">
            <CardEmpty title={t('students.empty')} icon={<IconUsers size={24} stroke={1.5} />}>
              {t('students.emptyText')}
            </CardEmpty>
          </Card>
        ) : (
          <Stack
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-busy={refreshing}
          >
            {rows.map((row) => (
              <StudentCard key={row.student.id} row={row} />
            ))}
          </Stack>
        )}
        {total > PAGE_SIZE && (
          <Pagination
            total={Math.ceil(total / PAGE_SIZE)}
            value={page}
            onChange={(next) => setStudentFilters({ page: next })}
            getControlProps={(control) => ({ 'aria-label': t(`students.page.${control}`) })}
          />
        )}
      </Stack>
    </>
  );
}

function StudentFilters() {
  const t = useT();
  const courses = studentsStore.use((s) => s.courses);
  const courseId = studentsStore.use((s) => s.courseId);
  const statusFilter = studentsStore.use((s) => s.statusFilter);
  const [search, setSearch] = useState(studentsStore.get().query);
  const runSearch = useDebouncedCallback((query: string) => setStudentFilters({ query }), 300);

  return (
    <Card shadow="xs">
      <Group align="flex-end" gap="md">
        <Select
          label={t('students.course')}
          value={courseId}
          allowDeselect={false}
          onChange={(value) =>
            setStudentFilters({ courseId: (value ?? 'all') as CourseId | 'all' })
          }
          data={[
            { value: 'all', label: t('students.allCourses') },
            ...courses.map((c) => ({
              value: c.id,
              label: c.archived
                ? `${c.code} · ${c.title} (${t('courses.archived')})`
                : `${c.code} · ${c.title}`,
            })),
          ]}
          style={{ flex: '1 1 220px' }}
        />
        <TextInput
          label={t('students.search')}
          placeholder={t('students.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            runSearch(event.currentTarget.value);
          }}
          style={{ flex: '2 1 220px' }}
        />
        <Select
          label={t('students.status')}
          value={statusFilter}
          allowDeselect={false}
          onChange={(value) =>
            setStudentFilters({ statusFilter: (value ?? 'any') as StudentsState['statusFilter'] })
          }
          data={[
            { value: 'any', label: t('students.anyStatus') },
            ...enrolmentStatuses.map((s) => ({ value: s, label: t(`courses.status.${s}`) })),
          ]}
          style={{ flex: '1 1 160px' }}
        />
      </Group>
    </Card>
  );
}
