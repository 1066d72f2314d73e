import { Badge, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDevices } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Course } from '../../../src-shared/schemas/courses';
import type { BoardDevice, DeviceBoard } from '../../../src-shared/schemas/devices';
import type { UserSummary } from '../../../src-shared/schemas/accounts';
import { useLanguage, useT, type Translate } from '../../app/i18n';
import { useLive } from '../../app/use-live';
import { CardEmpty, CardSkeleton } from '../../ui/BentoCard';
import { useNow } from '../../ui/Countdown';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { timeAgo } from '../../ui/relative-time';
import {
  deviceBoardStore,
  loadDeviceBoard,
  materialsLook,
  readyStudents,
} from './device-board-store';

type Row = { student: UserSummary; device: BoardDevice | undefined; first: boolean; span: number };

/**
 * The teacher's device board for a course: every active student, each of
 * their devices with its state, so the teacher sees who is ready before
 * class. A table on a wide screen, one card per student on a phone.
 */
export function DeviceBoardPanel({ course }: { course: Course }) {
  const t = useT();
  const board = deviceBoardStore.use((s) => s.board);
  const [error, setError] = useState<unknown>();
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const reload = () =>
    loadDeviceBoard(course.id).then(
      () => setError(undefined),
      (failure: unknown) => setError(failure),
    );
  useEffect(() => {
    void reload();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload follows course.id
  }, [course.id]);
  // The board's own topic (teacher and admins only); materials and the roster change on the course's.
  useLive([`devices:${course.id}`], reload, ['devices']);
  useLive([`course:${course.id}`], reload, ['materials', 'students']);

  if (error !== undefined) return <ErrorNotice error={error} onRetry={() => void reload()} />;
  if (!board || board.courseId !== course.id) return <CardSkeleton />;
  if (board.students.length === 0)
    return (
      <Card shadow="xs">
        <CardEmpty title={t('devices.emptyTitle')} icon={<IconDevices size={24} stroke={1.5} />}>
          {t('devices.emptyText')}
        </CardEmpty>
      </Card>
    );
  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Title order={2} size="h4">
          {t('devices.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('devices.lead')}
        </Text>
        <Text size="sm" fw={600} data-testid="devices-ready">
          {t('devices.ready', { ready: readyStudents(board), count: board.students.length })}
        </Text>
      </Stack>
      {phone ? <BoardCards board={board} /> : <BoardTable board={board} />}
    </Stack>
  );
}

function rowsOf(board: DeviceBoard): Row[] {
  return board.students.flatMap(({ student, devices }): Row[] =>
    devices.length === 0
      ? [{ student, device: undefined, first: true, span: 1 }]
      : devices.map((device, i) => ({ student, device, first: i === 0, span: devices.length })),
  );
}

const nameOf = (s: UserSummary) => `${s.firstName} ${s.lastName}`.trim();

function BoardTable({ board }: { board: DeviceBoard }) {
  const t = useT();
  return (
    <Card shadow="xs" p={0}>
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing="sm" aria-label={t('devices.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('devices.student')}</Table.Th>
              <Table.Th>{t('devices.device')}</Table.Th>
              <Table.Th>{t('devices.lastSync')}</Table.Th>
              <Table.Th>{t('devices.outbox')}</Table.Th>
              <Table.Th>{t('devices.materials')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rowsOf(board).map(({ student, device, first, span }) => (
              <Table.Tr
                key={`${student.id}:${device?.deviceId ?? 'none'}`}
                data-testid={`device-row-${student.username}`}
              >
                {first && (
                  <Table.Th scope="row" rowSpan={span} fw={600} style={{ verticalAlign: 'top' }}>
                    {nameOf(student)}
                    <Text size="xs" c="dimmed">
                      @{student.username}
                    </Text>
                  </Table.Th>
                )}
                {device ? (
                  <DeviceCells device={device} materials={board.materials} />
                ) : (
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed">
                      {t('devices.noDevice')}
                    </Text>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

function DeviceCells({
  device,
  materials,
}: {
  device: BoardDevice;
  materials: DeviceBoard['materials'];
}) {
  const t = useT();
  return (
    <>
      <Table.Td>
        <DeviceName device={device} />
      </Table.Td>
      <Table.Td>
        <LastSync device={device} />
      </Table.Td>
      <Table.Td>
        <Text size="sm">{outboxText(t, device)}</Text>
      </Table.Td>
      <Table.Td>
        <MaterialsText device={device} materials={materials} />
      </Table.Td>
    </>
  );
}

function BoardCards({ board }: { board: DeviceBoard }) {
  const t = useT();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {board.students.map(({ student, devices }) => (
        <Card
          key={student.id}
          shadow="xs"
          padding="sm"
          component="li"
          data-testid={`device-card-${student.username}`}
        >
          <Text fw={600}>{nameOf(student)}</Text>
          <Text size="xs" c="dimmed" mb={devices.length ? 'xs' : 0}>
            @{student.username}
          </Text>
          {devices.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('devices.noDevice')}
            </Text>
          )}
          <Stack gap="sm">
            {devices.map((device) => (
              <Stack key={device.deviceId} gap={4}>
                <DeviceName device={device} />
                <Text size="sm">
                  {t('devices.lastSync')}: <LastSync device={device} inline />
                </Text>
                {device.outboxWaiting !== null && (
                  <Text size="sm">
                    {t('devices.outbox')}: {outboxText(t, device)}
                  </Text>
                )}
                <MaterialsText device={device} materials={board.materials} labelled />
              </Stack>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function DeviceName({ device }: { device: BoardDevice }) {
  const t = useT();
  return (
    <Stack gap={2} align="flex-start">
      <Badge
        variant="dot"
        color={device.online ? 'teal.7' : 'gray.6'}
        data-testid="device-online"
        data-online={device.online}
      >
        {device.online ? t('devices.online') : t('devices.offline')}
      </Badge>
      <Text size="sm" fw={500}>
        {t(`devices.kind.${device.kind}`)}
        {device.platform ? ` · ${device.platform}` : ''}
      </Text>
      {device.version && (
        <Text size="xs" c="dimmed">
          {t('devices.version', { version: device.version })}
        </Text>
      )}
    </Stack>
  );
}

function LastSync({ device, inline }: { device: BoardDevice; inline?: boolean }) {
  const now = useNow(30_000);
  const language = useLanguage();
  const ago = timeAgo(device.lastSyncAt, Math.max(now, Date.parse(device.lastSyncAt)), language);
  return (
    <Text
      size="sm"
      span={inline}
      title={new Date(device.lastSyncAt).toLocaleString(language)}
      data-testid="device-last-sync"
    >
      {ago}
    </Text>
  );
}

function outboxText(t: Translate, device: BoardDevice): string {
  return device.outboxWaiting === null
    ? t('devices.outboxNone')
    : t('devices.outboxWaiting', { count: device.outboxWaiting });
}

function MaterialsText({
  device,
  materials,
  labelled,
}: {
  device: BoardDevice;
  materials: DeviceBoard['materials'];
  /** On a phone card there is no column header to say what the text is about. */
  labelled?: boolean;
}) {
  const t = useT();
  const look = materialsLook(device, materials);
  const text =
    look.state === 'browser'
      ? t('devices.noLibrary')
      : look.state === 'not-reported'
        ? t('devices.notReported')
        : look.state === 'no-materials'
          ? t('devices.noMaterials')
          : look.state === 'all'
            ? t('devices.allPresent', { count: look.count })
            : t('devices.somePresent', {
                present: look.present,
                count: look.count,
                missing: look.missing.join(', '),
              });
  return (
    <Text
      size="sm"
      fw={look.state === 'some' ? 600 : undefined}
      c={look.state === 'browser' || look.state === 'not-reported' ? 'dimmed' : undefined}
    >
      {labelled && `${t('devices.materials')}: `}
      <span data-testid="device-materials">{text}</span>
    </Text>
  );
}
