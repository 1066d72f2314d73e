import { Card, Group, Stack, Text, Title, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card of the library page; the title is the section's accessible name. */
export function Section({
  title,
  action,
  testId,
  children,
}: {
  title: string;
  action?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card shadow="xs" padding="lg" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="md">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="lg">
            {title}
          </Title>
          {action}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** A list of rows (each a `<li>`), or a dimmed sentence when there are none. */
export function RowList<T>({
  items,
  empty,
  gap = 'xs',
  children,
}: {
  items: readonly T[];
  empty: string;
  gap?: MantineSpacing | number;
  children: (item: T) => ReactNode;
}) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap={gap} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map(children)}
    </Stack>
  );
}
