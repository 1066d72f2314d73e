import { Grid } from '@mantine/core';
import type { ReactNode } from 'react';

/** Tile widths on a 12-column grid: one column on phones, the bento mix from medium windows up. */
export type TileSize = 'third' | 'half' | 'twoThirds' | 'full';

const spans: Record<TileSize, { base: number; sm: number; lg: number }> = {
  third: { base: 12, sm: 6, lg: 4 },
  half: { base: 12, sm: 6, lg: 6 },
  twoThirds: { base: 12, sm: 12, lg: 8 },
  full: { base: 12, sm: 12, lg: 12 },
};

export function BentoGrid({ children }: { children: ReactNode }) {
  return (
    <Grid gap={{ base: 'sm', sm: 'lg' }} align="stretch">
      {children}
    </Grid>
  );
}

export function BentoTile({ size, children }: { size: TileSize; children: ReactNode }) {
  return <Grid.Col span={spans[size]}>{children}</Grid.Col>;
}
