import { AppShell, Burger, Drawer, Group, ScrollArea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, type ReactNode } from 'react';
import { Outlet, useLocation } from 'react-router';
import { FailedSignInsNotice } from '../../features/auth/components/FailedSignInsNotice';
import { UserMenu } from '../../features/auth/components/UserMenu';
import { loadAccount } from '../../features/auth/session';
import { ConnectionIndicator } from '../../features/connection/ConnectionIndicator';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { BrandMark } from '../../ui/BrandMark';
import { useT } from '../i18n';
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

  // Keeps status, role and names current; a revoked sign-in signs out through the client.
  useEffect(() => {
    loadAccount().catch(() => undefined);
  }, []);
  useEffect(() => drawer.close(), [pathname]);

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
            <Burger
              opened={drawerOpen}
              onClick={drawer.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={drawerOpen ? t('layout.closeNavigation') : t('layout.openNavigation')}
              aria-expanded={drawerOpen}
              aria-controls="navigation-drawer"
            />
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
