import { Badge, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconListDetails } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  AttendanceSheet,
  AttendanceWindow,
} from '../../../../src-shared/schemas/class-tools/attendance';
import type { Course } from '../../../../src-shared/schemas/courses';
import { fetchFile } from '../../../app/file-transfer';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { useLive } from '../../../app/use-live';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { AttendanceSheetView, STATUS_TONES } from './AttendanceSheetView';

/**
 * Fetches with `load` whenever `key` changes and whenever `reload` is called,
 * keeping only the answer of the latest call (a slow earlier one never wins).
 */
function useLatest<T>(key: string, load: () => Promise<T>) {
  const [value, setValue] = useState<T>();
  const [error, setError] = useState<unknown>();
  const latest = useRef({ load, call: 0 });
  latest.current.load = load;
  const reload = useCallback(() => {
    const call = ++latest.current.call;
    latest.current.load().then(
      (next) => {
        if (call !== latest.current.call) return;
        setValue(next);
        setError(undefined);
      },
      (failure: unknown) => call === latest.current.call && setError(failure),
    );
  }, []);
  useEffect(reload, [key, reload]);
  return { value, error, setError, reload };
}

/**
 * A course's attendance history for its teacher: every check-in window of
 * its live classes, newest first, with present / late / absent counts; one
 * window's sheet opens in place; the whole history downloads as CSV. Live:
 * a window opened or closed and each check-in refetch it (the hub's
 * `attendance` hint on the course topic, to its teacher and admins only).
 */
export function CourseAttendancePanel({ course }: { course: Pick<Course, 'id' | 'code'> }) {
  const t = useT();
  const [openId, setOpenId] = useState<string>();
  const {
    value: windows,
    error,
    setError,
    reload,
  } = useLatest(course.id, () => api.call('courseAttendance', { params: { courseId: course.id } }));
  useLive([`course:${course.id}`], reload, ['attendance']);
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

/**
 * One window of the history. Its sheet, once opened, is fetched again when the
 * window's counts or closing change (the history refetched after a hint), so
 * a check-in shows up in the open table too.
 */
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
  const changed = `${JSON.stringify(window.counts)}:${window.closedAt ?? ''}`;
  const { value: sheet, error } = useLatest<AttendanceSheet | undefined>(
    `${window.id}:${open}:${changed}`,
    () =>
      open
        ? api.call('attendanceSheet', { params: { windowId: window.id } })
        : Promise.resolve(undefined),
  );
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
