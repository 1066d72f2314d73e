import { Badge, Table } from '@mantine/core';
import type {
  AttendanceRow,
  AttendanceStatus,
} from '../../../../src-shared/schemas/class-tools/attendance';
import { useT } from '../../../app/i18n';
import { tones } from '../../../ui/tones';

/** Present is done (good), late asks for attention, absent is bad: the app's accessible tones. */
export const STATUS_TONES = {
  present: tones.good,
  late: tones.warn,
  absent: tones.bad,
} as const satisfies Record<AttendanceStatus, unknown>;

/** Present / late / absent per student with the time they checked in. */
export function AttendanceSheetView({ rows }: { rows: AttendanceRow[] }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={300}>
      <Table striped withTableBorder data-testid="attendance-sheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('classTools.student')}</Table.Th>
            <Table.Th>{t('classTools.attendance.status')}</Table.Th>
            <Table.Th>{t('classTools.attendance.time')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.student.id} data-testid="attendance-row">
              <Table.Td>
                {row.student.firstName} {row.student.lastName}
              </Table.Td>
              <Table.Td>
                <Badge {...STATUS_TONES[row.status]}>
                  {t(`classTools.attendance.${row.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {row.checkedInAt ? new Date(row.checkedInAt).toLocaleTimeString() : '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
