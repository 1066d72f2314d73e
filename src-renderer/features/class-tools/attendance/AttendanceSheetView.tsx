import { Badge, Table } from '@mantine/core';
import type {
  AttendanceRow,
  AttendanceStatus,
} from '../../../../src-shared/schemas/class-tools/attendance';
import { useT } from '../../../app/i18n';

export const STATUS_COLOURS: Record<AttendanceStatus, string> = {
  present: 'green',
  late: 'orange',
  absent: 'red',
};

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
                <Badge color={STATUS_COLOURS[row.status]} variant="light">
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
