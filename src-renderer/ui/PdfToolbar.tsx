import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowsHorizontal, IconMinus, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n';
import { zoomIn, zoomOut } from './pdf-document';

export type PdfZoom = 'fit' | number;

/** Where the reader is ("page 3 of 12", announced politely) and the zoom buttons. */
export function PdfToolbar({
  current,
  count,
  zoom,
  scale,
  onZoom,
}: {
  current: number;
  count: number;
  zoom: PdfZoom;
  /** The scale in effect, which "fit width" turns into a number. */
  scale: number;
  onZoom: (zoom: PdfZoom) => void;
}) {
  const t = useT();
  return (
    <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap">
      <Text size="sm" aria-live="polite" data-testid="pdf-position">
        {t('preview.pdf.position', { page: current, count })}
      </Text>
      <Group gap={4} wrap="nowrap">
        <ToolbarButton label={t('preview.pdf.zoomOut')} onClick={() => onZoom(zoomOut(scale))}>
          <IconMinus size={16} aria-hidden />
        </ToolbarButton>
        <Text size="sm" w={48} ta="center" data-testid="pdf-zoom">
          {Math.round(scale * 100)}%
        </Text>
        <ToolbarButton label={t('preview.pdf.zoomIn')} onClick={() => onZoom(zoomIn(scale))}>
          <IconPlus size={16} aria-hidden />
        </ToolbarButton>
        <ToolbarButton
          label={t('preview.pdf.fitWidth')}
          pressed={zoom === 'fit'}
          onClick={() => onZoom('fit')}
        >
          <IconArrowsHorizontal size={16} aria-hidden />
        </ToolbarButton>
      </Group>
    </Group>
  );
}

/** An icon button named by its tooltip; `pressed` marks a mode that is on. */
function ToolbarButton({
  label,
  pressed,
  onClick,
  children,
}: {
  label: string;
  pressed?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <Tooltip label={label}>
      <ActionIcon
        variant={pressed ? 'filled' : 'default'}
        aria-label={label}
        aria-pressed={pressed}
        onClick={onClick}
      >
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
