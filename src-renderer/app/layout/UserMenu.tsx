import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconDevicesOff, IconLogout, IconUserCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useT } from '../i18n';
import { useAccount } from '../../features/auth';
import { signOut } from '../../features/auth';
import { SwitchHubMenuItem } from '../../features/desktop';
import { SignOutEverywhereDialog } from '../../features/auth';

/** The avatar button at the top right: profile, sign out, sign out everywhere. */
export function UserMenu() {
  const t = useT();
  const account = useAccount();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  if (!account) return null;
  const fullName = `${account.firstName} ${account.lastName}`;

  return (
    <>
      <Menu
        position="bottom-end"
        width={240}
        shadow="md"
        // Mantine's initial-focus placeholder is a focusable role="presentation" div, which is not
        // allowed inside role="menu" (axe: aria-required-children); the first item takes focus instead.
        withInitialFocusPlaceholder={false}
      >
        <Menu.Target>
          <UnstyledButton
            aria-label={t('userMenu.open', { name: fullName })}
            data-testid="user-menu"
          >
            <Group gap={8} wrap="nowrap">
              <Avatar
                src={account.avatarUrl}
                name={fullName}

                alt=""
                radius="xl"
                size={34}
              />
              <Text fw={500} size="sm" visibleFrom="md" maw={160} truncate>
                {account.firstName}
              </Text>
              <Box visibleFrom="sm" display="flex">
                <IconChevronDown size={16} stroke={1.6} aria-hidden />
              </Box>
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            <Text size="sm" fw={600} c="bright" truncate>
              {fullName}
            </Text>
            <Text size="xs" c="dimmed" truncate>
              @{account.username}
            </Text>
          </Menu.Label>
          <Menu.Item component={Link} to="/profile" leftSection={<IconUserCircle size={18} />}>
            {t('userMenu.profile')}
          </Menu.Item>
          <SwitchHubMenuItem />
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconLogout size={18} />}
            onClick={() => void signOut().then(() => navigate('/sign-in'))}
          >
            {t('userMenu.signOut')}
          </Menu.Item>
          <Menu.Item
            c="var(--mantine-color-error)"
            leftSection={<IconDevicesOff size={18} />}
            onClick={() => setConfirming(true)}
          >
            {t('userMenu.signOutEverywhere')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <SignOutEverywhereDialog opened={confirming} onClose={() => setConfirming(false)} />
    </>
  );
}
