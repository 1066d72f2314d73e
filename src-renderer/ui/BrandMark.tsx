import { Anchor, Group, Text, ThemeIcon } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../app/i18n';

/** The ClassHub logo: a link home. */
export function BrandMark({ to = '/' }: { to?: string }) {
  const t = useT();
  return (
    <Anchor component={Link} to={to} underline="never" c="inherit" aria-label={t('brand.homeLink')}>
      <Group gap="xs" wrap="nowrap">
        <ThemeIcon size={34} radius="md" variant="filled" aria-hidden>
          <IconSchool size={20} stroke={1.8} />
        </ThemeIcon>
        <Text fw={700} fz="lg" lh={1} component="span">
          {t('brand.name')}
        </Text>
      </Group>
    </Anchor>
  );
}
