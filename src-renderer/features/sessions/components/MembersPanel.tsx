import {
  ActionIcon,
  Anchor,
  Avatar,
  Badge,
  Card,
  Group,
  Indicator,
  Menu,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconBan, IconDots, IconLockOpen, IconUserMinus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Member } from '../../../../src-shared/schemas/sessions';
import { useT } from '../../../app/i18n';
import { setMemberAccess } from '../session-actions';
import { sessionStore } from '../session-store';
import { ConfirmDialog } from './ConfirmDialog';
import { fullName } from './SessionList';

type Action = 'remove' | 'block' | 'unblock';

/** Host first, then members; online dots from presence; the host removes, blocks and unblocks. */
export function MembersPanel({ canModerate }: { canModerate: boolean }) {
  const t = useT();
  const members = sessionStore.use((s) => s.members);
  const online = sessionStore.use((s) => s.online);
  const [pending, setPending] = useState<{ member: Member; action: Action }>();
  const sorted = [...members].sort(
    (a, b) =>
      Number(b.role === 'host') - Number(a.role === 'host') ||
      Number(a.status === 'blocked') - Number(b.status === 'blocked') ||
      fullName(a.user).localeCompare(fullName(b.user)),
  );
  const name = pending ? fullName(pending.member.user) : '';
  return (
    <Card shadow="xs" withBorder component="section" aria-labelledby="members-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg" id="members-heading">
          {t('sessions.membersPanel')}
        </Title>
        <Badge variant="light">{members.filter((m) => m.status === 'active').length}</Badge>
      </Group>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sorted.map((member) => {
          const isOnline = online.includes(member.user.id);
          const blocked = member.status === 'blocked';
          return (
            <Group key={member.user.id} component="li" gap="sm" wrap="nowrap" data-testid="member">
              <Indicator
                color={isOnline ? 'teal' : 'gray'}
                offset={4}
                size={10}
                withBorder
                position="bottom-end"
                disabled={!isOnline}
              >
                <Avatar
                  src={member.user.avatarUrl}
                  radius="xl"
                  alt=""
                  style={{ opacity: blocked ? 0.5 : 1 }}
                />
              </Indicator>
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Anchor
                  component={Link}
                  to={`/people/${member.user.username}`}
                  size="sm"
                  fw={600}
                  truncate
                >
                  {fullName(member.user)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(member.role === 'host' ? 'sessions.role.host' : 'sessions.role.member')}
                  {!blocked &&
                    ` · ${t(isOnline ? 'sessions.member.online' : 'sessions.member.offline')}`}
                </Text>
              </Stack>
              {blocked && (
                <Badge color="red" variant="light" size="sm">
                  {t('sessions.status.blocked')}
                </Badge>
              )}
              {canModerate && member.role !== 'host' && (
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon
                      variant="subtle"
                      aria-label={t('sessions.member.actions', { name: fullName(member.user) })}
                    >
                      <IconDots size={18} />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {blocked ? (
                      <Menu.Item
                        leftSection={<IconLockOpen size={16} aria-hidden />}
                        onClick={() => void setMemberAccess(member.user.id, 'unblock')}
                      >
                        {t('sessions.member.unblock')}
                      </Menu.Item>
                    ) : (
                      <>
                        <Menu.Item
                          leftSection={<IconUserMinus size={16} aria-hidden />}
                          onClick={() => setPending({ member, action: 'remove' })}
                        >
                          {t('sessions.member.remove')}
                        </Menu.Item>
                        <Menu.Item
                          color="red"
                          leftSection={<IconBan size={16} aria-hidden />}
                          onClick={() => setPending({ member, action: 'block' })}
                        >
                          {t('sessions.member.block')}
                        </Menu.Item>
                      </>
                    )}
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          );
        })}
      </Stack>
      <ConfirmDialog
        opened={pending !== undefined}
        onClose={() => setPending(undefined)}
        title={
          pending?.action === 'block' ? t('sessions.member.block') : t('sessions.member.remove')
        }
        confirmLabel={
          pending?.action === 'block' ? t('sessions.member.block') : t('sessions.member.remove')
        }
        onConfirm={() => setMemberAccess(pending!.member.user.id, pending!.action)}
      >
        {pending?.action === 'block'
          ? t('sessions.member.blockConfirm', { name })
          : t('sessions.member.removeConfirm', { name })}
      </ConfirmDialog>
    </Card>
  );
}
