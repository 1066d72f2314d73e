import { AppShell, Burger, Drawer, Group, Indicator, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { Outlet, useLocation } from 'react-router';
import { UserMenu } from './UserMenu';
import { FailedSignInsNotice, loadAccount } from '../../features/auth';
import { useChatUnreadTotal } from '../../features/chat';
import { ConnectionIndicator } from '../../features/connection';
import { NotificationBell } from '../../features/notifications';
import { BrandMark } from '../../ui/BrandMark';
import { useT } from '../i18n';
import { useRevealTarget } from '../reveal-target';
import { ColorSchemeToggle } from './ColorSchemeToggle';
import classes from './layout.module.css';
import { NavigationLinks } from './NavigationLinks';

/**
 * The signed-in frame: header, side navigation on wide windows, a drawer
 * behind a burger on narrow ones (the drawer traps focus and closes on Escape,
 * which AppShell's own mobile navbar does not).
 */
export function AppLayout({ children }: { children?: ReactNode }) {
  const t = useT();
  const [drawerOpen, drawer] = useDisclosure(false);
  const { pathname } = useLocation();
  useRevealTarget();

  // Keeps status, role and names current; a revoked sign-in signs out through the client.
  useEffect(() => {
    loadAccount().catch(() => undefined);
  }, []);
  // A new page closes the drawer (Mantine's handlers are stable).
  const closeDrawer = drawer.close;
  useEffect(() => closeDrawer(), [pathname, closeDrawer]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: true } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <a href="#main" className={classes.skipLink}>
        {t('layout.skipToContent')}
      </a>
      <AppShell.Header px={{ base: 'sm', sm: 'lg' }}>
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <MenuButton opened={drawerOpen} onClick={drawer.toggle} />
            <BrandMark to="/home" />
          </Group>
          <Group gap={6} wrap="nowrap">
            <ConnectionIndicator />
            <ColorSchemeToggle />
            <NotificationBell />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      {/* Hidden (not just moved off screen) on narrow windows, so its links leave the tab order. */}
      <AppShell.Navbar p="md" aria-label={t('layout.navigation')} component="nav" visibleFrom="sm">
        <AppShell.Section grow component={ScrollArea}>
          <NavigationLinks />
        </AppShell.Section>
      </AppShell.Navbar>

      <Drawer
        id="navigation-drawer"
        opened={drawerOpen}
        onClose={drawer.close}
        size="80%"
        title={<BrandMark to="/home" />}
        hiddenFrom="sm"
        closeButtonProps={{ 'aria-label': t('layout.closeNavigation') }}
      >
        <nav aria-label={t('layout.navigation')}>
          <NavigationLinks onNavigate={drawer.close} />
        </nav>
      </Drawer>

      <AppShell.Main id="main" tabIndex={-1} className={classes.main}>
        <FailedSignInsNotice />
        {children ?? <Outlet />}
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * The burger of narrow windows. The chat's unread count rides on it, so a
 * phone shows new messages without opening the drawer (the bell, beside it,
 * shows notifications the same way).
 */
function MenuButton({ opened, onClick }: { opened: boolean; onClick: () => void }) {
  const t = useT();
  const unread = useChatUnreadTotal();
  const label = opened
    ? t('layout.closeNavigation')
    : unread > 0
      ? t('layout.openNavigationUnread', { count: unread })
      : t('layout.openNavigation');
  return (
    <Indicator
      label={unread > 99 ? '99+' : unread}
      disabled={unread === 0 || opened}
      size={18}
      offset={3}
      color="red.9"
      inline
      hiddenFrom="sm"
      data-testid="menu-unread"
    >
      <Burger
        opened={opened}
        onClick={onClick}
        size="sm"
        aria-label={label}
        aria-expanded={opened}
        aria-controls="navigation-drawer"
      />
    </Indicator>
  );
}
