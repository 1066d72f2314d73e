import { Card, Group, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One tile of the dashboard's bento grid: a titled card that shows skeleton
 * lines while its data loads. The grid (BentoGrid) decides its size.
 */
export function BentoCard({
  title,
  icon,
  color,
  loading = false,
  action,
  children,
  testId,
  id,
}: {
  title: string;
  icon?: ReactNode;
  color?: string;
  loading?: boolean;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
  /** For deep links (`#id`) that point at this card. */
  id?: string;
}) {
  return (
    <Card h="100%" shadow="xs" component="section" aria-label={title} data-testid={testId} id={id}>
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          {icon && (
            <ThemeIcon variant="light" color={color} size={36} radius="md" aria-hidden>
              {icon}
            </ThemeIcon>
          )}
          <Title order={2} fz="lg">
            {title}
          </Title>
        </Group>
        {action}
      </Group>
      {loading ? <CardSkeleton /> : children}
    </Card>
  );
}

export function CardSkeleton({ lines = 3 }: { lines?: number }) {
  return (
    <Stack gap="sm" aria-hidden data-testid="skeleton">
      {Array.from({ length: lines }, (_, i) => (
        <Skeleton key={i} h={14} w={`${90 - i * 15}%`} radius="xl" />
      ))}
    </Stack>
  );
}

/** The empty state inside a card: what will appear here and what to do next. */
export function CardEmpty({
  title,
  children,
  icon,
}: {
  title: string;
  children: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <Stack align="center" ta="center" gap={6} py="md" px="xs">
      {icon && (
        <ThemeIcon variant="default" size={48} radius="xl" aria-hidden>
          {icon}
        </ThemeIcon>
      )}
      <Text fw={600}>{title}</Text>
      <Text size="sm" c="dimmed" maw={360}>
        {children}
      </Text>
    </Stack>
  );
}
