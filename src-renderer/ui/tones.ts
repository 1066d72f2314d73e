import type { BadgeProps } from '@mantine/core';

/**
 * Badge colours that keep WCAG AA contrast at badge size in both schemes:
 * filled, in the darkest shade, white text (black on orange, which is too
 * light for white). Light badges of these hues fail axe at 11 px.
 */
export const tones = {
  good: { variant: 'filled', color: 'teal.9' },
  warn: { variant: 'filled', color: 'orange.9', c: 'black' },
  bad: { variant: 'filled', color: 'red.9' },
  info: { variant: 'filled', color: 'blue.9' },
  accent: { variant: 'filled', color: 'grape.9' },
  muted: { variant: 'filled', color: 'gray.7' },
} as const satisfies Record<string, BadgeProps & { c?: string }>;

export type Tone = keyof typeof tones;

export function statusTone(status: string): Tone {
  return status === 'active'
    ? 'good'
    : status === 'blocked'
      ? 'bad'
      : status === 'completed'
        ? 'info'
        : 'muted';
}
