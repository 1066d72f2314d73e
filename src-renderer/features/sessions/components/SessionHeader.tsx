import { Anchor, Avatar, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconDoorExit, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Session } from '../../../../src-shared/schemas/sessions';
import { useT } from '../../../app/i18n';
import { usePageTitle } from '../../../ui/usePageTitle';
import { deleteSession, leaveSession } from '../session-actions';
import { ConfirmDialog } from './ConfirmDialog';
import { EditSessionModal } from './EditSessionModal';
import { fullName } from './SessionList';

/** Title, description and host; the host edits or deletes, a member leaves. */
export function SessionHeader({
  session,
  canModerate,
}: {
  session: Session;
  canModerate: boolean;
}) {
  const t = useT();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'edit' | 'delete' | 'leave' | undefined>();
  usePageTitle(session.title);
  const close = () => setDialog(undefined);
  const isHost = session.myRole === 'host';
  return (
    <Stack gap="xs" mb="lg">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Title order={1} fz={{ base: 26, sm: 32 }} style={{ flex: '1 1 280px', minWidth: 0 }}>
          {session.title}
        </Title>
        <Group gap="xs">
          {isHost && (
            <Button
              variant="default"
              leftSection={<IconPencil size={16} aria-hidden />}
              onClick={() => setDialog('edit')}
            >
              {t('sessions.edit')}
            </Button>
          )}
          {canModerate && (
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setDialog('delete')}
            >
              {t('sessions.delete')}
            </Button>
          )}
          {session.myRole === 'member' && (
            <Button
              variant="default"
              leftSection={<IconDoorExit size={16} aria-hidden />}
              onClick={() => setDialog('leave')}
            >
              {t('sessions.leave')}
            </Button>
          )}
        </Group>
      </Group>
      <Group gap="xs" wrap="nowrap">
        <Avatar src={session.host.avatarUrl} size={28} radius="xl" alt="" />
        <Text size="sm" c="dimmed">
          {t('sessions.hostLine')}{' '}
          <Anchor
            component={Link}
            to={`/people/${session.host.username}`}
            size="sm"
            underline="always"
          >
            {fullName(session.host)}
          </Anchor>
        </Text>
        {session.course && (
          <Badge
            component={Link}
            to={`/courses/${session.course.id}`}
            variant="light"
            style={{ cursor: 'pointer' }}
            title={t('sessions.courseBadge', { title: session.course.title })}
          >
            {session.course.code}
          </Badge>
        )}
      </Group>
      <Text style={{ whiteSpace: 'pre-wrap' }} c={session.description ? undefined : 'dimmed'}>
        {session.description || t('sessions.noDescription')}
      </Text>
      <EditSessionModal session={session} opened={dialog === 'edit'} onClose={close} />
      <ConfirmDialog
        opened={dialog === 'delete'}
        onClose={close}
        title={t('sessions.delete.title', { title: session.title })}
        confirmLabel={t('sessions.delete.confirm')}
        onConfirm={async () => {
          await deleteSession();
          await navigate('/sessions');
        }}
      >
        {t('sessions.delete.text')}
      </ConfirmDialog>
      <ConfirmDialog
        opened={dialog === 'leave'}
        onClose={close}
        title={t('sessions.leave')}
        confirmLabel={t('sessions.leave')}
        onConfirm={async () => {
          await leaveSession();
          await navigate('/sessions');
        }}
      >
        {t('sessions.leave.confirm', { title: session.title })}
      </ConfirmDialog>
    </Stack>
  );
}
