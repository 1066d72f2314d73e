import { Box } from '@mantine/core';
import { useCallback, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { useT } from '../app/i18n';
import { CSS_UNITS, fitWidthScale, pageAt, renderWindow } from './pdf-document';
import { onPdfKey } from './pdf-keys';
import { PdfPage } from './PdfPage';
import { PdfToolbar, type PdfZoom } from './PdfToolbar';
import type { PageSize } from './usePdfDocument';
import { useElementWidth, useKeepPlaceOnZoom, useVisiblePages } from './usePdfScroller';

/** Space around and between pages, in CSS pixels. */
const GAP = 12;

/**
 * An open document as a scrolling column of page boxes, each the size of
 * page 1 until its own size is known, so the scrollbar is right before any
 * page is drawn; the toolbar above tracks the page in view and the zoom.
 */
export function PdfPages({
  doc,
  firstPage,
  fileName,
  height,
}: {
  doc: PDFDocumentProxy;
  firstPage: PageSize;
  fileName: string;
  height: string;
}) {
  const t = useT();
  const count = doc.numPages;
  const scroller = useRef<HTMLDivElement>(null);
  const pageBoxes = useRef(new Map<number, HTMLDivElement>());
  const width = useElementWidth(scroller);
  const [zoom, setZoom] = useState<PdfZoom>('fit');
  const visible = useVisiblePages(scroller, pageBoxes, count);
  const [current, setCurrent] = useState(1);
  const [sizes, setSizes] = useState<ReadonlyMap<number, PageSize>>(new Map([[1, firstPage]]));

  const scale = zoom === 'fit' ? fitWidthScale(firstPage.width, width - 2 * GAP) : zoom;
  useKeepPlaceOnZoom(scroller, scale);

  const onScroll = () => {
    const element = scroller.current;
    if (!element) return;
    const tops = Array.from(
      { length: count },
      (_, i) => pageBoxes.current.get(i + 1)?.offsetTop ?? 0,
    );
    setCurrent(pageAt(tops, element.scrollTop, element.clientHeight));
  };

  const goTo = (page: number) => {
    const target = Math.min(count, Math.max(1, page));
    const box = pageBoxes.current.get(target);
    if (box && scroller.current) scroller.current.scrollTop = box.offsetTop - GAP;
    setCurrent(target);
  };

  const onSize = useCallback((page: number, size: PageSize) => {
    setSizes((before) => {
      const known = before.get(page);
      if (known && known.width === size.width && known.height === size.height) return before;
      return new Map(before).set(page, size);
    });
  }, []);

  const drawn = renderWindow(visible, count, 0);
  return (
    <Box>
      <PdfToolbar current={current} count={count} zoom={zoom} scale={scale} onZoom={setZoom} />
      <div
        ref={scroller}
        role="region"
        aria-label={t('preview.frameTitle', { name: fileName })}
        tabIndex={0}
        onKeyDown={(event) => onPdfKey(event, { current, count, scale }, { goTo, setZoom })}
        onScroll={onScroll}
        data-testid="preview-pdf"
        style={{
          height,
          overflow: 'auto',
          position: 'relative', // page boxes' offsetTop is then measured from here
          padding: GAP,
          background: 'var(--mantine-color-default-hover)',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-sm)',
        }}
      >
        {Array.from({ length: count }, (_, index) => {
          const page = index + 1;
          const size = sizes.get(page) ?? firstPage;
          return (
            <div
              key={page}
              data-page={page}
              ref={(box) => {
                if (box) pageBoxes.current.set(page, box);
                else pageBoxes.current.delete(page);
              }}
              style={{
                width: Math.floor(size.width * scale * CSS_UNITS),
                height: Math.floor(size.height * scale * CSS_UNITS),
                margin: `0 auto ${GAP}px`,
                background: 'white',
                boxShadow: '0 1px 3px rgba(0, 0, 0, 0.3)',
              }}
            >
              {drawn && page >= drawn.first && page <= drawn.last && (
                <PdfPage doc={doc} page={page} count={count} scale={scale} onSize={onSize} />
              )}
            </div>
          );
        })}
      </div>
    </Box>
  );
}
