import { ActionIcon, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowsHorizontal, IconMinus, IconPlus } from '@tabler/icons-react';
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
        <Tooltip label={t('preview.pdf.zoomOut')}>
          <ActionIcon
            variant="default"
            aria-label={t('preview.pdf.zoomOut')}
            onClick={() => onZoom(zoomOut(scale))}
          >
            <IconMinus size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Text size="sm" w={48} ta="center" data-testid="pdf-zoom">
          {Math.round(scale * 100)}%
        </Text>
        <Tooltip label={t('preview.pdf.zoomIn')}>
          <ActionIcon
            variant="default"
            aria-label={t('preview.pdf.zoomIn')}
            onClick={() => onZoom(zoomIn(scale))}
          >
            <IconPlus size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
        <Tooltip label={t('preview.pdf.fitWidth')}>
          <ActionIcon
            variant={zoom === 'fit' ? 'filled' : 'default'}
            aria-label={t('preview.pdf.fitWidth')}
            aria-pressed={zoom === 'fit'}
            onClick={() => onZoom('fit')}
          >
            <IconArrowsHorizontal size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
    </Group>
  );
}
