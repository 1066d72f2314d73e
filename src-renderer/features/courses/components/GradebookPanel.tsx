import { Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconDownload, IconSearch, IconTable } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { filterGradebook } from '../../../../src-shared/gradebook';
import type { Course } from '../../../../src-shared/schemas/courses';
import { workStatuses, type WorkStatus } from '../../../../src-shared/work-status';
import { fetchFile } from '../../../app/file-transfer';
import { useT } from '../../../app/i18n';
import { CardEmpty, CardSkeleton } from '../../../ui/BentoCard';
import { useNow } from '../../../ui/Countdown';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useLive } from '../../../app/use-live';
import { gradebookCsvUrl, gradebookStore, loadGradebook } from '../gradebook-store';
import { GradebookGrid } from './GradebookGrid';

/** Teachers and admins: the course's gradebook — filters, the grid, and its CSV. */
export function GradebookPanel({ course }: { course: Course }) {
  const t = useT();
  const book = gradebookStore.use((s) => s.book);
  const now = useNow(15_000);
  const [error, setError] = useState<unknown>();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<WorkStatus | null>(null);
  useEffect(() => {
    loadGradebook(course.id).catch(setError);
  }, [course.id]);
  // Hand-ins, grades, enrolments and deadlines of this course reach its teacher's topic.
  useLive([`course:${course.id}`], () => loadGradebook(course.id).catch(setError));
  const filter = useMemo(
    () => ({ q: q.trim() || undefined, status: status ?? undefined }),
    [q, status],
  );
  const rows = useMemo(
    () => (book ? filterGradebook(book.assignments, book.rows, filter, now) : []),
    [book, filter, now],
  );

  if (!book || book.courseId !== course.id)
    return error !== undefined ? <ErrorNotice error={error} /> : <CardSkeleton />;
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('gradebook.filter.student')}
          placeholder={t('gradebook.filter.studentPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={220}
        />
        <Select
          label={t('gradebook.filter.status')}
          placeholder={t('gradebook.filter.any')}
          data={workStatuses.map((s) => ({ value: s, label: t(`work.status.${s}`) }))}
          value={status}
          onChange={(value) => setStatus(value as WorkStatus | null)}
          clearable
          w={180}
        />
        <Text size="sm" c="dimmed" role="status">
          {t('gradebook.shown', { shown: rows.length, total: book.rows.length })}
        </Text>
        <Button
          ml="auto"
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          onClick={() =>
            void fetchFile(
              gradebookCsvUrl(course.id, filter),
              `${course.code}-gradebook.csv`,
            ).catch(setError)
          }
        >
          {t('gradebook.csv')}
        </Button>
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
      {book.assignments.length === 0 || book.rows.length === 0 ? (
        <Card shadow="xs">
          <CardEmpty title={t('gradebook.empty')} icon={<IconTable size={24} stroke={1.5} />}>
            {t('gradebook.emptyText')}
          </CardEmpty>
        </Card>
      ) : (
        <>
          <Text size="xs" c="dimmed">
            {t('gradebook.keys')}
          </Text>
          <GradebookGrid assignments={book.assignments} rows={rows} now={now} onError={setError} />
        </>
      )}
    </Stack>
  );
}
