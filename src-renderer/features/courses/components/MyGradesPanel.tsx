import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { cellStatus, studentAverage } from '../../../../src-shared/gradebook';
import type { Course } from '../../../../src-shared/schemas/courses';
import { useT } from '../../../app/i18n';
import { CardEmpty, CardSkeleton } from '../../../ui/BentoCard';
import { DueAt, useNow } from '../../../ui/Countdown';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useLive } from '../../../app/use-live';
import { useAccount } from '../../auth';
import { gradebookStore, loadGradebook } from '../gradebook-store';
import { WorkStatusBadge } from '../work-status-look';

/** Students: "My grades" — their own row of the gradebook, one line per assignment. */
export function MyGradesPanel({ course }: { course: Course }) {
  const t = useT();
  const book = gradebookStore.use((s) => s.book);
  const now = useNow(15_000);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    loadGradebook(course.id).catch(setError);
  }, [course.id]);
  // My own hand-ins and grades come on my topic; new deadlines on the course's.
  const myId = useAccount()?.id;
  useLive([myId && `person:${myId}`, `course:${course.id}`], () =>
    loadGradebook(course.id).catch(setError),
  );
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (!book || book.courseId !== course.id) return <CardSkeleton />;
  const row = book.rows[0];
  if (!row || book.assignments.length === 0)
    return (
      <Card shadow="xs">
        <CardEmpty title={t('gradebook.empty')} icon={<IconTable size={24} stroke={1.5} />}>
          {t('gradebook.emptyStudent')}
        </CardEmpty>
      </Card>
    );
  const average = studentAverage(book.assignments, row);
  return (
    <Stack gap="sm">
      <Group>
        <Text fw={600}>
          {t('gradebook.myAverage', { average: average === null ? '–' : `${average}%` })}
        </Text>
      </Group>
      <Card shadow="xs" p={0}>
        {/* Three columns fit a phone: no sideways scrolling (a scroll box would need keyboard focus). */}
        <Table.ScrollContainer minWidth={0}>
          <Table verticalSpacing="sm" aria-label={t('gradebook.mine')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('gradebook.assignment')}</Table.Th>
                <Table.Th>{t('gradebook.status')}</Table.Th>
                <Table.Th>{t('gradebook.grade')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {book.assignments.map((a, i) => {
                const cell = row.cells[i]!;
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {a.title}
                      </Text>
                      <DueAt dueAt={a.dueAt} />
                    </Table.Td>
                    <Table.Td>
                      <WorkStatusBadge status={cellStatus(a, cell, now)} />
                    </Table.Td>
                    <Table.Td>
                      {cell.points === null
                        ? '–'
                        : t('gradebook.points', { points: cell.points, max: a.maxPoints })}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    </Stack>
  );
}
