import { Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { AttendanceWindow } from '../../../../src-shared/schemas/class-tools/attendance';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { STATUS_TONES } from './AttendanceSheetView';

/** A student checks in by typing the token the teacher shows (or scans its QR code with a phone). */
export function StudentAttendance({
  current,
  onCheckedIn,
}: {
  current: AttendanceWindow | undefined;
  onCheckedIn: () => void;
}) {
  const t = useT();
  const [token, setToken] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!current || (current.closedAt && current.mine?.status === 'absent'))
    return (
      <Text c="dimmed" data-testid="student-attendance">
        {current ? t('classTools.attendance.missed') : t('classTools.attendance.notOpen')}
      </Text>
    );
  if (current.mine && current.mine.status !== 'absent')
    return (
      <Group gap="xs" data-testid="student-attendance">
        <Text>{t('classTools.attendance.youAre')}</Text>
        <Badge {...STATUS_TONES[current.mine.status]} data-testid="my-attendance">
          {t(`classTools.attendance.${current.mine.status}`)}
        </Badge>
        {current.mine.checkedInAt && (
          <Text size="sm" c="dimmed">
            {new Date(current.mine.checkedInAt).toLocaleTimeString()}
          </Text>
        )}
      </Group>
    );
  const send = async () => {
    setBusy(true);
    try {
      await api.call('checkIn', { body: { token, method: 'token' } });
      setError(undefined);
      onCheckedIn();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="sm" data-testid="student-attendance">
      <Text>{t('classTools.attendance.checkInNow')}</Text>
      <Group align="flex-end">
        <TextInput
          label={t('classTools.attendance.token')}
          placeholder="ABC-DEF-GHJ"
          value={token}
          onChange={(e) => setToken(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && void send()}
        />
        <Button onClick={() => void send()} loading={busy} disabled={!token.trim()}>
          {t('classTools.attendance.checkIn')}
        </Button>
      </Group>
      {error !== undefined && <ErrorNotice error={error} />}
    </Stack>
  );
}
