import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconListDetails } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type {
  AttendanceSheet,
  AttendanceWindow,
} from '../../../../src-shared/schemas/class-tools/attendance';
import type { Course } from '../../../../src-shared/schemas/courses';
import { fetchFile } from '../../../app/file-transfer';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { AttendanceSheetView, STATUS_TONES } from './AttendanceSheetView';

/**
 * A course's attendance history for its teacher: every check-in window of
 * its live classes, newest first, with present / late / absent counts; one
 * window's sheet opens in place; the whole history downloads as CSV.
 */
export function CourseAttendancePanel({ course }: { course: Pick<Course, 'id' | 'code'> }) {
  const t = useT();
  const [windows, setWindows] = useState<AttendanceWindow[]>();
  const [error, setError] = useState<unknown>();
  const [openId, setOpenId] = useState<string>();
  useEffect(() => {
    let current = true;
    api
      .call('courseAttendance', { params: { courseId: course.id } })
      .then((list) => current && setWindows(list))
      .catch((failure: unknown) => current && setError(failure));
    return () => {
      current = false;
    };
  }, [course.id]);
  if (error !== undefined && !windows) return <ErrorNotice error={error} />;
  if (!windows) return <Loader size="sm" aria-label={t('classTools.attendance.history')} />;
  return (
    <Stack gap="sm" data-testid="course-attendance">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3">
          {t('classTools.attendance.history')}
        </Title>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={windows.length === 0}
          onClick={() =>
            void fetchFile(
              api.url('courseAttendanceCsv', { courseId: course.id }),
              `${course.code}-attendance.csv`,
            ).catch(setError)
          }
        >
          {t('classTools.attendance.courseCsv')}
        </Button>
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
      {windows.length === 0 && (
        <Text c="dimmed" data-testid="course-attendance-empty">
          {t('classTools.attendance.noHistory')}
        </Text>
      )}
      {[...windows]
        .sort((a, b) => b.openedAt.localeCompare(a.openedAt))
        .map((window) => (
          <WindowCard
            key={window.id}
            window={window}
            open={openId === window.id}
            onToggle={() => setOpenId(openId === window.id ? undefined : window.id)}
          />
        ))}
    </Stack>
  );
}

function WindowCard({
  window,
  open,
  onToggle,
}: {
  window: AttendanceWindow;
  open: boolean;
  onToggle: () => void;
}) {
  const t = useT();
  const [sheet, setSheet] = useState<AttendanceSheet>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    if (!open) return;
    let current = true;
    api
      .call('attendanceSheet', { params: { windowId: window.id } })
      .then((loaded) => current && setSheet(loaded))
      .catch((failure: unknown) => current && setError(failure));
    return () => {
      current = false;
    };
  }, [open, window.id]);
  const counts = window.counts;
  return (
    <Card withBorder padding="sm" data-testid="attendance-window">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={600}>
            {new Date(window.openedAt).toLocaleString()}
            {window.closedAt === null && (
              <Badge ml="xs" {...STATUS_TONES.present}>
                {t('classTools.attendance.stillOpen')}
              </Badge>
            )}
          </Text>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconListDetails size={14} aria-hidden />}
            aria-expanded={open}
            onClick={onToggle}
          >
            {open ? t('classTools.attendance.hideSheet') : t('classTools.attendance.showSheet')}
          </Button>
        </Group>
        {counts && (
          <Text size="sm" data-testid="attendance-window-counts">
            {t('classTools.attendance.counts', counts)}
          </Text>
        )}
        {open && error !== undefined && <ErrorNotice error={error} />}
        {open && !sheet && error === undefined && <Loader size="xs" />}
        {open && sheet && <AttendanceSheetView rows={sheet.rows} />}
      </Stack>
    </Card>
  );
}
