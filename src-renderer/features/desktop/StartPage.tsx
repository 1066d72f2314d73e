import {
  Alert,
  Anchor,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconBooks, IconPlugConnected, IconServer2 } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../app/i18n';
import { isDesktop } from '../../desktop';
import { PageHeader } from '../../ui/PageHeader';
import { ConnectPanel } from './ConnectPanel';
import { watchDesktop } from './desktop-store';
import { HostPanel } from './HostPanel';

/** `/start`: the desktop app's first screen — host a hub here, or connect to one. */
export function StartPage() {
  const t = useT();
  useEffect(watchDesktop, []);
  if (!isDesktop()) return <DesktopOnlyNotice />;
  return (
    <>
      <PageHeader title={t('desktop.start.title')} description={t('desktop.start.lead')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Choice title={t('desktop.host.title')} icon={<IconServer2 size={22} />} color="cyan">
          <HostPanel />
        </Choice>
        <Choice
          title={t('desktop.connect.title')}
          icon={<IconPlugConnected size={22} />}
          color="grape"
        >
          <ConnectPanel />
        </Choice>
      </SimpleGrid>
      <Group mt="xl">
        <Button
          component={Link}
          to="/library"
          variant="default"
          leftSection={<IconBooks size={18} aria-hidden />}
        >
          {t('desktop.start.library')}
        </Button>
      </Group>
    </>
  );
}

function Choice({
  title,
  icon,
  color,
  children,
}: {
  title: string;
  icon: ReactNode;
  color: string;
  children: ReactNode;
}) {
  return (
    <Card shadow="xs" padding="lg" component="section" aria-label={title}>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap">
          <ThemeIcon variant="light" color={color} size={44} radius="md" aria-hidden>
            {icon}
          </ThemeIcon>
          <Title order={2} fz="xl">
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** A plain browser has no app to host or switch hubs with. */
export function DesktopOnlyNotice() {
  const t = useT();
  return (
    <Alert title={t('desktop.only.title')} maw={560}>
      <Stack gap="xs" align="flex-start">
        {t('desktop.only.text')}
        <Anchor component={Link} to="/">
          {t('common.goHome')}
        </Anchor>
      </Stack>
    </Alert>
  );
}
