import { Anchor, Button, Code, Group, NumberInput, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type {
  AttendanceSheet,
  AttendanceWindow,
} from '../../../../src-shared/schemas/class-tools/attendance';
import { checkInPath } from '../../../../src-shared/schemas/class-tools/attendance';
import type { Session } from '../../../../src-shared/schemas/sessions';
import { fetchFile } from '../../../app/file-transfer';
import { api, socket } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { useThrottled } from '../use-session-tool';
import { AttendanceSheetView } from './AttendanceSheetView';
import { CheckInQrCode } from './CheckInQrCode';

/** The teacher's check-in: open a window, show the token and its QR code, watch the sheet fill, export. */
export function TeacherAttendance({
  session,
  windows,
  readOnly,
  onChange,
}: {
  session: Session | undefined;
  windows: AttendanceWindow[];
  readOnly: boolean;
  onChange: (window: AttendanceWindow) => void;
}) {
  const t = useT();
  const [lateAfter, setLateAfter] = useState<number | string>(10);
  const [sheet, setSheet] = useState<AttendanceSheet>();
  const [error, setError] = useState<unknown>();
  const current = windows[0];
  const loadSheet = () => {
    if (current)
      void api
        .call('attendanceSheet', { params: { windowId: current.id } })
        .then(setSheet, setError);
  };
  const soon = useThrottled(loadSheet);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the sheet follows the newest window and its counts
  useEffect(loadSheet, [current?.id, current?.closedAt]);
  useEffect(
    () => socket.on('attendance:counts', (w) => w.id === current?.id && soon()),
    [current?.id, soon],
  );

  const act = (work: () => Promise<AttendanceWindow>) =>
    void work().then((w) => {
      onChange(w);
      setError(undefined);
    }, setError);
  const token = session?.joinToken?.replace(/-/g, '');
  const link = token ? `${window.location.origin}${checkInPath(token)}` : undefined;
  const open = current && !current.closedAt;
  const counts =
    (sheet?.window.id === current?.id ? sheet?.window.counts : undefined) ?? current?.counts;

  return (
    <Stack gap="sm" data-testid="teacher-attendance">
      {!readOnly && !open && (
        <Group align="flex-end">
          <NumberInput
            label={t('classTools.attendance.lateAfter')}
            min={0}
            max={240}
            value={lateAfter}
            onChange={setLateAfter}
            w={200}
          />
          <Button
            onClick={() =>
              act(() =>
                api.call('openAttendance', {
                  params: { sessionId: session!.id },
                  body: { lateAfterMinutes: Number(lateAfter) || 0 },
                }),
              )
            }
            disabled={!session}
          >
            {t('classTools.attendance.open')}
          </Button>
        </Group>
      )}
      {open && session?.joinToken && link && (
        <Group align="flex-start" gap="lg" wrap="wrap">
          <CheckInQrCode url={link} />
          <Stack gap={6} style={{ minWidth: 220, flex: 1 }}>
            <Text size="sm">{t('classTools.attendance.tokenIs')}</Text>
            <Code fz="xl" data-testid="check-in-token">
              {session.joinToken}
            </Code>
            <Text size="sm">{t('classTools.attendance.orScan')}</Text>
            <Anchor
              href={link}
              size="sm"
              style={{ wordBreak: 'break-all' }}
              data-testid="check-in-link"
            >
              {link}
            </Anchor>
            <Text size="xs" c="dimmed">
              {t('classTools.attendance.lateRule', { minutes: current.lateAfterMinutes })}
            </Text>
          </Stack>
        </Group>
      )}
      {counts && (
        <Text fw={600} data-testid="attendance-counts">
          {t('classTools.attendance.counts', counts)}
        </Text>
      )}
      {sheet && sheet.window.id === current?.id && <AttendanceSheetView rows={sheet.rows} />}
      <Group gap="xs">
        {open && !readOnly && (
          <Button
            variant="light"
            onClick={() =>
              act(() => api.call('closeAttendance', { params: { windowId: current.id } }))
            }
          >
            {t('classTools.attendance.close')}
          </Button>
        )}
        {current && (
          <Button
            variant="subtle"
            leftSection={<IconDownload size={14} />}
            onClick={() =>
              void fetchFile(
                api.url('attendanceCsv', { windowId: current.id }),
                'attendance.csv',
              ).catch(setError)
            }
          >
            {t('classTools.csv')}
          </Button>
        )}
        {session?.course && (
          <Button
            variant="subtle"
            leftSection={<IconDownload size={14} />}
            onClick={() =>
              void fetchFile(
                api.url('courseAttendanceCsv', { courseId: session.course!.id }),
                `${session.course!.code}-attendance.csv`,
              ).catch(setError)
            }
          >
            {t('classTools.attendance.courseCsv')}
          </Button>
        )}
      </Group>
      {windows.length > 1 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {t('classTools.attendance.earlier')}
          </Text>
          {windows.slice(1).map((w) => (
            <Text key={w.id} size="sm" c="dimmed">
              {new Date(w.openedAt).toLocaleString()} —{' '}
              {w.counts ? t('classTools.attendance.counts', w.counts) : ''}
            </Text>
          ))}
        </Stack>
      )}
      {error !== undefined && <ErrorNotice error={error} />}
    </Stack>
  );
}
