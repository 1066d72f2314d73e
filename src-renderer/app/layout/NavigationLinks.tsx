import { NavLink, Stack } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useAccount } from '../../features/auth';
import { ChatNavBadge } from '../../features/chat';
import { useT } from '../i18n';
import { navigation } from './navigation';

/** The navigation entries, shared by the side bar and the narrow-window drawer. */
export function NavigationLinks({ onNavigate }: { onNavigate?: () => void }) {
  const t = useT();
  const account = useAccount();
  const { pathname } = useLocation();
  const entries = navigation.filter(
    (entry) => !entry.visibleTo || (account && entry.visibleTo(account)),
  );
  return (
    <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {entries.map(({ path, label, icon: Icon }) => {
        const active = pathname === path || pathname.startsWith(`${path}/`);
        return (
          <li key={path}>
            <NavLink
              component={Link}
              to={path}
              label={t(label)}
              leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
              rightSection={path === '/chat' ? <ChatNavBadge /> : undefined}
              active={active}
              aria-current={active ? 'page' : undefined}
              onClick={onNavigate}
              variant="light"
              fw={500}
            />
          </li>
        );
      })}
    </Stack>
  );
}
