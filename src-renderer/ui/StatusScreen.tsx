import { Paper, Stack, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

/**
 * A one-message page (waiting for approval, check your email, link
 * confirmed): an icon, a headline, what it means and what to do next.
 */
export function StatusScreen({
  icon,
  color,
  title,
  children,
  actions,
}: {
  icon: ReactNode;
  color?: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  usePageTitle(title);
  return (
    <Paper
      withBorder
      shadow="xs"
      p={{ base: 'lg', sm: 'xl' }}
      maw={520}
      mx="auto"
      mt={{ base: 'md', sm: 48 }}
    >
      <Stack align="center" ta="center" gap="md">
        <ThemeIcon size={64} radius="xl" variant="light" color={color} aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={1} fz={{ base: 24, sm: 28 }}>
          {title}
        </Title>
        <Stack gap="sm" c="dimmed" fz="md">
          {children}
        </Stack>
        {actions && (
          <Stack gap="xs" w="100%" mt="xs">
            {actions}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
