import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

/** A record's name linking to its page (where an admin moderates its content), with a second line. */
export function LinkCell({ to, title, detail }: { to: string; title: string; detail: string }) {
  return (
    <Stack gap={0} miw={0} maw={{ base: 150, sm: 320 }}>
      <Anchor component={Link} to={to} size="sm" fw={600} truncate>
        {title}
      </Anchor>
      <Text size="xs" c="dimmed" truncate>
        {detail}
      </Text>
    </Stack>
  );
}
