import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../../../ui/usePageTitle';

/** The card every account form sits in: headline, one line of context, the form, a footer link. */
export function AuthCard({
  title,
  subtitle,
  children,
  footer,
  width = 440,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  footer?: ReactNode;
  width?: number;
}) {
  usePageTitle(title);
  return (
    <Stack maw={width} mx="auto" mt={{ base: 'xs', sm: 'xl' }} gap="md">
      <Stack gap={4} ta="center">
        <Title order={1} fz={{ base: 26, sm: 30 }}>
          {title}
        </Title>
        {subtitle && <Text c="dimmed">{subtitle}</Text>}
      </Stack>
      <Paper withBorder shadow="xs" p={{ base: 'md', sm: 'xl' }}>
        {children}
      </Paper>
      {footer && (
        <Text ta="center" size="sm">
          {footer}
        </Text>
      )}
    </Stack>
  );
}
