import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

/** The page's one h1 and a line saying what the page is for. */
export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  usePageTitle(title);
  return (
    <Stack gap={4} mb="lg">
      <Title order={1} fz={{ base: 26, sm: 32 }}>
        {title}
      </Title>
      {description && (
        <Text c="dimmed" fz={{ base: 'sm', sm: 'md' }}>
          {description}
        </Text>
      )}
    </Stack>
  );
}
