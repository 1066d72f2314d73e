import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Text,
  Tooltip,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowsHorizontal,
  IconDownload,
  IconMinus,
  IconPlus,
} from '@tabler/icons-react';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api';
import { useT } from '../app/i18n';
import {
  canvasRatio,
  CSS_UNITS,
  fitWidthScale,
  openPdf,
  pageAt,
  pdfFailureOf,
  renderWindow,
  zoomIn,
  zoomOut,
  type PdfFailure,
} from './pdf-document';

/** Space around and between pages, in CSS pixels. */
const GAP = 12;

type Size = { width: number; height: number };
type State =
  | { status: 'opening' }
  | { status: 'failed'; failure: PdfFailure }
  | { status: 'ready'; doc: PDFDocumentProxy; firstPage: Size };

/**
 * A PDF drawn by pdf.js, read from the hub by ranges (`pdf-document.ts`).
 * Pages are boxes the size of page 1 until drawn; only those on screen or
 * within half a screen of it hold a canvas (a scanned page's content can be
 * megabytes, so nothing further is read ahead). PgUp/PgDn and ←/→ move
 * by page, Home/End to the ends, + and − zoom; a file pdf.js cannot open
 * says so and offers the download.
 */
export function PdfViewer({
  url,
  fileName,
  height,
  onDownload,
}: {
  url: string;
  fileName: string;
  height: string;
  onDownload: () => void;
}) {
  const t = useT();
  const [state, setState] = useState<State>({ status: 'opening' });

  useEffect(() => {
    setState({ status: 'opening' });
    let live = true;
    const loading = openPdf(url, {
      onLost: () => {
        if (live) setState({ status: 'failed', failure: 'unreachable' });
      },
    });
    loading.document
      .then(async (doc) => {
        const page = await doc.getPage(1);
        const [, , width, height] = page.view;
        if (live) setState({ status: 'ready', doc, firstPage: { width: width!, height: height! } });
      })
      .catch((error: unknown) => {
        if (live) setState({ status: 'failed', failure: pdfFailureOf(error) });
      });
    return () => {
      live = false;
      loading.cancel();
    };
  }, [url]);

  if (state.status === 'failed')
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle size={20} aria-hidden />}
        title={t('preview.pdf.failed.title')}
        data-testid="preview-pdf-failed"
      >
        <Text size="sm" mb="sm">
          {t(`preview.pdf.failed.${state.failure}`, { name: fileName })}
        </Text>
        <Button size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={onDownload}>
          {t('preview.pdf.failed.download', { name: fileName })}
        </Button>
      </Alert>
    );
  if (state.status === 'opening')
    return (
      <Center h={240} aria-busy>
        <Loader aria-label={t('preview.loading')} />
      </Center>
    );
  return (
    <PdfPages doc={state.doc} firstPage={state.firstPage} fileName={fileName} height={height} />
  );
}

function PdfPages({
  doc,
  firstPage,
  fileName,
  height,
}: {
  doc: PDFDocumentProxy;
  firstPage: Size;
  fileName: string;
  height: string;
}) {
  const t = useT();
  const count = doc.numPages;
  const scroller = useRef<HTMLDivElement>(null);
  const pageBoxes = useRef(new Map<number, HTMLDivElement>());
  const [width, setWidth] = useState(0);
  const [zoom, setZoom] = useState<'fit' | number>('fit');
  const [visible, setVisible] = useState<ReadonlySet<number>>(new Set([1]));
  const [current, setCurrent] = useState(1);
  const [sizes, setSizes] = useState<ReadonlyMap<number, Size>>(new Map([[1, firstPage]]));

  const scale = zoom === 'fit' ? fitWidthScale(firstPage.width, width - 2 * GAP) : zoom;

  // The scroller's width, for "fit width".
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);

  // Which page boxes are on screen (or within half a screen of it).
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) =>
        setVisible((before) => {
          const next = new Set(before);
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next;
        }),
      { root, rootMargin: '50% 0px' },
    );
    for (const box of pageBoxes.current.values()) observer.observe(box);
    return () => observer.disconnect();
  }, [count]);

  // Zooming keeps the same place in view.
  const lastScale = useRef(scale);
  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && lastScale.current !== scale && lastScale.current > 0)
      element.scrollTop = element.scrollTop * (scale / lastScale.current);
    lastScale.current = scale;
  }, [scale]);

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

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
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
  };

  const onSize = useCallback((page: number, size: Size) => {
    setSizes((before) => {
      const known = before.get(page);
      if (known && known.width === size.width && known.height === size.height) return before;
      return new Map(before).set(page, size);
    });
  }, []);

  const drawn = renderWindow(visible, count, 0);
  return (
    <Box>
      <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap">
        <Text size="sm" aria-live="polite" data-testid="pdf-position">
          {t('preview.pdf.position', { page: current, count })}
        </Text>
        <Group gap={4} wrap="nowrap">
          <Tooltip label={t('preview.pdf.zoomOut')}>
            <ActionIcon
              variant="default"
              aria-label={t('preview.pdf.zoomOut')}
              onClick={() => setZoom(zoomOut(scale))}
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
              onClick={() => setZoom(zoomIn(scale))}
            >
              <IconPlus size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={t('preview.pdf.fitWidth')}>
            <ActionIcon
              variant={zoom === 'fit' ? 'filled' : 'default'}
              aria-label={t('preview.pdf.fitWidth')}
              aria-pressed={zoom === 'fit'}
              onClick={() => setZoom('fit')}
            >
              <IconArrowsHorizontal size={16} aria-hidden />
            </ActionIcon>
          </Tooltip>
        </Group>
      </Group>
      <div
        ref={scroller}
        role="region"
        aria-label={t('preview.frameTitle', { name: fileName })}
        tabIndex={0}
        onKeyDown={onKeyDown}
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

/** One page drawn to a canvas at `scale`; its resources go when it leaves the window. */
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
  onSize: (page: number, size: Size) => void;
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
