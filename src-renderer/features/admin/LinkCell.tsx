import { Anchor, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';

/**
 * A record's name linking to its page (where an admin moderates its content), with a second line.
 * `wrap`: the name is the row's key information (a course's title), so it wraps onto as many
 * lines as it needs instead of being cut short; a long word breaks rather than widening the table.
 */
export function LinkCell({
  to,
  title,
  detail,
  wrap = false,
}: {
  to: string;
  title: string;
  detail: string;
  wrap?: boolean;
}) {
  if (wrap)
    return (
      <Stack gap={2} miw={{ base: 140, sm: 200 }} maw={{ sm: 420 }}>
        <Anchor
          component={Link}
          to={to}
          size="sm"
          fw={600}
          lh={1.35}
          style={{ overflowWrap: 'anywhere' }}
        >
          {title}
        </Anchor>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {detail}
        </Text>
      </Stack>
    );
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
