import { Center, Loader, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { useT } from '../app/i18n';
import { canvasRatio, CSS_UNITS } from './pdf-document';
import type { PageSize } from './usePdfDocument';

export /** One page drawn to a canvas at `scale`; its resources go when it leaves the window. */
function PdfPage({
  doc,
  page,
  count,
  scale,
  onSize,
}: {
  doc: PDFDocumentProxy;
  page: number;
  count: number;
  scale: number;
  onSize: (page: number, size: PageSize) => void;
}) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [proxy, setProxy] = useState<PDFPageProxy>();
  const [status, setStatus] = useState<'drawing' | 'drawn' | 'failed'>('drawing');

  // Drawn again at each zoom; declared first so its cancel runs before the page is released.
  useEffect(() => {
    const target = canvas.current;
    if (!proxy || !target) return;
    setStatus('drawing');
    const viewport = proxy.getViewport({ scale: scale * CSS_UNITS });
    const ratio = canvasRatio(viewport.width, viewport.height, window.devicePixelRatio);
    target.width = Math.floor(viewport.width * ratio);
    target.height = Math.floor(viewport.height * ratio);
    const task = proxy.render({
      canvas: target,
      viewport,
      transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
    });
    let live = true;
    task.promise.then(
      () => live && setStatus('drawn'),
      (error: unknown) => {
        if (live && (error as { name?: unknown })?.name !== 'RenderingCancelledException')
          setStatus('failed');
      },
    );
    return () => {
      live = false;
      task.cancel();
    };
  }, [proxy, scale]);

  // The page's objects, read by range once; released when the page leaves the window.
  useEffect(() => {
    let live = true;
    let loaded: PDFPageProxy | undefined;
    doc.getPage(page).then(
      (found) => {
        loaded = found;
        if (!live) return void found.cleanup();
        const [, , width, height] = found.view;
        onSize(page, { width: width!, height: height! });
        setProxy(found);
      },
      () => live && setStatus('failed'),
    );
    return () => {
      live = false;
      loaded?.cleanup();
    };
  }, [doc, page, onSize]);

  return (
    <div style={{ position: 'relative', width: '100%', height: '100%' }}>
      <canvas
        ref={canvas}
        role="img"
        aria-label={t('preview.pdf.page', { page, count })}
        data-drawn={status === 'drawn' ? 'true' : undefined}
        style={{ display: 'block', width: '100%', height: '100%' }}
      />
      {status !== 'drawn' && (
        <Center pos="absolute" inset={0}>
          {status === 'drawing' ? (
            <Loader size="sm" color="gray" aria-label={t('preview.pdf.pageLoading', { page })} />
          ) : (
            <Text size="sm" c="red.8">
              {t('preview.pdf.pageFailed', { page })}
            </Text>
          )}
        </Center>
      )}
    </div>
  );
}
