import { Badge, Button, Card, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { IconFileZip } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import type { Deadline } from '../../../../src-shared/schemas/deadlines';
import { api } from '../../../app/hub-client';
import { useLive } from '../../../app/use-live';
import { useT } from '../../../app/i18n';
import { fetchFile } from '../../../app/file-transfer';
import { CardSkeleton } from '../../../ui/BentoCard';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { grade, loadOverview, submissionsStore, type OverviewRow } from '../submissions-store';
import { PrivateComments } from './PrivateComments';
import { SubmissionFiles } from './SubmissionFiles';
import { countWorkStatuses, workStatus, type WorkStatus } from '../../../../src-shared/work-status';
import { useDueClock, WorkStatusBadge, WorkStatusCountBadges } from '../work-status-look';

/** Teachers: every enrolled student for one deadline, counted and badged by work status, with grading. */
export function GradingTable({ deadline }: { deadline: Deadline; courseId: CourseId }) {
  const t = useT();
  const rows = submissionsStore.use((s) => s.overview[deadline.id]);
  const now = useDueClock(deadline.dueAt);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    loadOverview(deadline.id).catch(setError);
  }, [deadline.id]);
  useLive([`course:${deadline.courseId}`], () => loadOverview(deadline.id).catch(setError));

  if (error !== undefined) return <ErrorNotice error={error} />;
  if (!rows) return <CardSkeleton />;
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed" pt="sm">
        {t('courses.grade.noStudents')}
      </Text>
    );
  const statuses = new Map(rows.map((row) => [row.student.id, rowStatus(row, deadline, now)]));
  const counts = countWorkStatuses(statuses.values());
  return (
    <Stack gap="xs" pt="sm">
      <Group gap="xs" justify="space-between">
        <WorkStatusCountBadges counts={counts} />
        {rows.some((row) => row.latest) && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconFileZip size={14} aria-hidden />}
            onClick={() =>
              void fetchFile(
                api.url('submissionsZip', { deadlineId: deadline.id }),
                `${deadline.title}.zip`,
              ).catch(setError)
            }
          >
            {t('courses.grade.zip')}
          </Button>
        )}
      </Group>
      {rows.map((row) => (
        <GradingRow
          key={row.student.id}
          row={row}
          deadline={deadline}
          status={statuses.get(row.student.id)!}
        />
      ))}
    </Stack>
  );
}

/** Recomputed with the app's clock, so the badges follow the due time without asking the hub. */
function rowStatus(row: OverviewRow, deadline: Deadline, now: number): WorkStatus {
  return workStatus(
    {
      dueAt: deadline.dueAt,
      submittedAt: row.latest?.submittedAt ?? null,
      gradedAt: row.grade?.gradedAt ?? null,
    },
    now,
  );
}

function GradingRow({
  row,
  deadline,
  status,
}: {
  row: OverviewRow;
  deadline: Deadline;
  status: WorkStatus;
}) {
  const t = useT();
  const [points, setPoints] = useState<number | string>(row.grade?.points ?? '');
  const [feedback, setFeedback] = useState(row.grade?.feedback ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  const name = `${row.student.firstName} ${row.student.lastName}`.trim();

  async function save() {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await grade(deadline, row.student.id, Number(points), feedback);
      setSaved(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card withBorder padding="sm" component="section" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{name}</Text>
          <Group gap="xs">
            {row.latest && (
              <Badge variant="default">
                {t('courses.submit.version', { version: row.latest.version })}
              </Badge>
            )}
            {row.grade && (
              <Badge variant="default">
                {t('work.gradedPoints', { points: row.grade.points, max: deadline.maxPoints })}
              </Badge>
            )}
            <WorkStatusBadge status={status} />
          </Group>
        </Group>
        {row.latest?.comment && <Text size="sm">{row.latest.comment}</Text>}
        {row.latest && <SubmissionFiles submission={row.latest} />}
        {row.latest && (
          <Group align="flex-end" gap="xs">
            <NumberInput
              label={t('courses.grade.points', { max: deadline.maxPoints })}
              min={0}
              max={deadline.maxPoints}
              value={points}
              onChange={setPoints}
              w={140}
            />
            <Textarea
              label={t('courses.grade.feedback')}
              autosize
              minRows={1}
              value={feedback}
              onChange={(e) => setFeedback(e.currentTarget.value)}
              style={{ flex: '1 1 200px' }}
            />
            <Button onClick={() => void save()} loading={busy} disabled={points === ''}>
              {t('courses.grade.save')}
            </Button>
          </Group>
        )}
        <PrivateComments deadlineId={deadline.id} studentId={row.student.id} otherName={name} />
        {saved && (
          <Text size="sm" c="teal" role="status">
            {t('courses.grade.saved')}
          </Text>
        )}
        {error !== undefined && <ErrorNotice error={error} />}
      </Stack>
    </Card>
  );
}
