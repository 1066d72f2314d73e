import type { KeyboardEvent } from 'react';
import { zoomIn, zoomOut } from './pdf-document';
import type { PdfZoom } from './PdfToolbar';

/**
 * The viewer's keys: PgUp/PgDn and ←/→ by page, Home/End to the ends, + (or
 * =, the same key unshifted) and − to zoom. A key with Ctrl, ⌘ or Alt is
 * left alone, so the browser's own zoom and shortcuts still work.
 */
export function onPdfKey(
  event: KeyboardEvent<HTMLElement>,
  { current, count, scale }: { current: number; count: number; scale: number },
  { goTo, setZoom }: { goTo: (page: number) => void; setZoom: (zoom: PdfZoom) => void },
): void {
  const moves: Record<string, () => void> = {
    PageDown: () => goTo(current + 1),
    ArrowRight: () => goTo(current + 1),
    PageUp: () => goTo(current - 1),
    ArrowLeft: () => goTo(current - 1),
    Home: () => goTo(1),
    End: () => goTo(count),
    '+': () => setZoom(zoomIn(scale)),
    '=': () => setZoom(zoomIn(scale)),
    '-': () => setZoom(zoomOut(scale)),
  };
  const move = moves[event.key];
  if (!move || event.ctrlKey || event.metaKey || event.altKey) return;
  event.preventDefault();
  move();
}
