import {
  ActionIcon,
  Button,
  Badge,
  Card,
  createTheme,
  localStorageColorSchemeManager,
  Paper,
  type CSSVariablesResolver,
} from '@mantine/core';

/**
 * The look: calm indigo on neutral grey, generous radius, system fonts (no
 * font download on a classroom network). Every colour in the app comes from
 * here or from Mantine's palette; components never carry their own.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 6 with white text is 4.3:1; 7 passes WCAG AA (4.5:1) in light mode.
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: {
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    fontWeight: '650',
  },
  cursorType: 'pointer',
  respectReducedMotion: true,
  components: {
    Card: Card.extend({ defaultProps: { radius: 'lg', padding: 'lg', withBorder: true } }),
    Paper: Paper.extend({ defaultProps: { radius: 'lg' } }),
    Button: Button.extend({ defaultProps: { radius: 'md' } }),
    ActionIcon: ActionIcon.extend({ defaultProps: { radius: 'md' } }),
    // A badge is a word or two: beside a long title in a row it keeps its width and the
    // title gives way (on a phone "ENROLLED" was cut to "ENR…").
    Badge: Badge.extend({ styles: { root: { flexShrink: 0 } } }),
  },
});

/**
 * Mantine's defaults for secondary text, errors and placeholders fall short
 * of WCAG AA on their backgrounds (e.g. gray.6 on white is 3.3:1); these
 * shades reach 4.5:1 or more in both schemes.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-success': 'var(--mantine-color-teal-9)',
    '--mantine-color-body': 'var(--mantine-color-gray-0)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-placeholder': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-success': 'var(--mantine-color-teal-4)',
    '--mantine-color-body': 'var(--mantine-color-dark-8)',
  },
});

/** The person's light/dark choice; absent means "follow the system". */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'classhub.color-scheme' });
