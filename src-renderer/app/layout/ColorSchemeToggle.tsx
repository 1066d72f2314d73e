import { ActionIcon, Tooltip, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { useT } from '../i18n';

/** Switches light/dark; the choice is kept in localStorage (system preference until the first click). */
export function ColorSchemeToggle() {
  const t = useT();
  const { setColorScheme } = useMantineColorScheme();
  const current = useComputedColorScheme('light', { getInitialValueInEffect: false });
  const next = current === 'dark' ? 'light' : 'dark';
  const label = next === 'dark' ? t('theme.useDark') : t('theme.useLight');
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={label}
        data-testid="color-scheme-toggle"
        data-scheme={current}
        onClick={() => setColorScheme(next)}
      >
        {current === 'dark' ? (
          <IconSun size={20} stroke={1.6} />
        ) : (
          <IconMoon size={20} stroke={1.6} />
        )}
      </ActionIcon>
    </Tooltip>
  );
}
