import type { DocumentInitParameters, PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';

/**
 * Opening a PDF for the in-app preview with pdf.js, by ranges: the document
 * is read in chunks the pages ask for, never the whole file up front, so the
 * first page of a 50 MB file shows after a few hundred kilobytes
 * (docs/decisions.md, "PDF previews with pdf.js"). pdf.js itself is loaded
 * on the first preview only, and its worker is a file of the app's own
 * origin (the hub's CSP allows `'self'` scripts and nothing else).
 *
 * A PDF is data: eval is off, XFA is off, and nothing here runs a document's
 * scripts (pdf.js's scripting sandbox is never loaded).
 */

/** pdf.js's default chunk: a linearised first page fits in one, a page object in one more. */
export const RANGE_CHUNK_BYTES = 65_536;

/** pdf.js measures pages in PDF points; CSS pixels are 96 to the inch, points 72. */
export const CSS_UNITS = 96 / 72;

/**
 * What pdf.js is told for every preview. The bytes come through
 * `rangeSource`: a byte range per chunk a page needs, and no opening plain
 * GET (pdf.js's own loader starts with one and cuts it when it learns the
 * hub serves ranges; measured, that cut GET had already carried megabytes).
 */
export function pdfOptions(): DocumentInitParameters {
  return {
    rangeChunkSize: RANGE_CHUNK_BYTES,
    // Read only what a page asks for: no background download of the rest.
    disableAutoFetch: true,
    disableStream: true,
    isEvalSupported: false,
    enableXfa: false,
    // WebAssembly would need 'wasm-unsafe-eval' in the hub's CSP; the JS paths are used instead.
    useWasm: false,
  };
}

/** A failed answer, named as pdf.js names its own so `pdfFailureOf` reads both alike. */
function responseError(status: number): Error {
  return Object.assign(new Error(`The hub answered ${status}.`), {
    name: 'ResponseException',
    status,
  });
}

async function readRange(url: string, begin: number, end: number, signal: AbortSignal) {
  const response = await fetch(url, {
    headers: { range: `bytes=${begin}-${end - 1}` },
    signal,
    credentials: 'omit', // the signed link is the credential
  });
  if (response.status !== 206 && response.status !== 200) throw responseError(response.status);
  return response;
}

/**
 * The document's source for pdf.js: the first chunk by a Range request,
 * whose Content-Range tells the file's size; then pdf.js asks for the
 * ranges its pages need. A small file (or a server that ignores ranges)
 * arrives whole and is handed over as data. `onLost` hears of a range that
 * could not be read after the document opened (an expired link, a lost hub).
 */
export async function rangeSource(
  pdfjs: typeof import('pdfjs-dist'),
  url: string,
  signal: AbortSignal,
  onLost: (error: unknown) => void,
): Promise<Pick<DocumentInitParameters, 'data' | 'range' | 'length'>> {
  const first = await readRange(url, 0, RANGE_CHUNK_BYTES, signal);
  const bytes = new Uint8Array(await first.arrayBuffer());
  const total = Number(/\/(\d+)$/.exec(first.headers.get('content-range') ?? '')?.[1]);
  if (first.status === 200 || !Number.isFinite(total) || total <= bytes.length)
    return { data: bytes };
  const transport = new pdfjs.PDFDataRangeTransport(total, bytes);
  transport.requestDataRange = (begin: number, end: number) => {
    readRange(url, begin, end, signal)
      .then((response) => response.arrayBuffer())
      .then(
        (chunk) => transport.onDataRange(begin, new Uint8Array(chunk)),
        (error: unknown) => {
          if (!signal.aborted) onLost(error);
        },
      );
  };
  return { range: transport, length: total };
}

/** Why a document could not be shown, which decides what the fallback says. */
export type PdfFailure = 'password' | 'unreachable' | 'broken';

export function pdfFailureOf(error: unknown): PdfFailure {
  const name =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === 'PasswordException') return 'password';
  if (
    name === 'ResponseException' ||
    name === 'MissingPDFException' ||
    name === 'UnexpectedResponseException'
  )
    return 'unreachable';
  return 'broken';
}

/** A document being opened; `cancel` stops the reads and ends its worker. */
export interface PdfLoading {
  readonly document: Promise<PDFDocumentProxy>;
  cancel(): void;
}

/**
 * Opens `url` (the signed inline link) by ranges. A password-protected file
 * is refused rather than asked about (no onPassword handler: pdf.js then
 * rejects with a PasswordException); the fallback offers the download.
 * `load` gives pdf.js and its worker's URL (both loaded with the first
 * preview); unit tests swap in pdf.js's Node build.
 */
export function openPdf(
  url: string,
  {
    base = window.location.href,
    onLost = () => {},
    load = loadPdfjs,
  }: {
    base?: string;
    onLost?: (error: unknown) => void;
    load?: () => Promise<{ pdfjs: typeof import('pdfjs-dist'); workerSrc: string }>;
  } = {},
): PdfLoading {
  const reads = new AbortController();
  let destroy: (() => Promise<void>) | undefined;
  const href = new URL(url, base).href;
  const document = load().then(async ({ pdfjs, workerSrc }) => {
    const source = await rangeSource(pdfjs, href, reads.signal, onLost);
    if (reads.signal.aborted) throw new DOMException('Preview closed', 'AbortError');
    pdfjs.GlobalWorkerOptions.workerSrc = workerSrc;
    const task = pdfjs.getDocument({ ...pdfOptions(), ...source });
    destroy = () => task.destroy();
    return task.promise;
  });
  return {
    document,
    cancel() {
      reads.abort();
      void destroy?.();
    },
  };
}

async function loadPdfjs() {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist'),
    import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
  ]);
  return { pdfjs, workerSrc: worker.default };
}

/** Zoom steps for + and −, as a fraction of the page's real size. */
export const ZOOM_STEPS = [0.25, 0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 3, 4] as const;

export function zoomIn(scale: number): number {
  return ZOOM_STEPS.find((step) => step > scale + 0.001) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
}

export function zoomOut(scale: number): number {
  return [...ZOOM_STEPS].reverse().find((step) => step < scale - 0.001) ?? ZOOM_STEPS[0];
}

/** The scale at which a page `pageWidth` points wide fills `available` CSS pixels. */
export function fitWidthScale(pageWidth: number, available: number): number {
  if (pageWidth <= 0 || available <= 0) return 1;
  const scale = available / (pageWidth * CSS_UNITS);
  return Math.min(ZOOM_STEPS[ZOOM_STEPS.length - 1]!, Math.max(ZOOM_STEPS[0], scale));
}

/**
 * The pages that hold a canvas: those on screen and `overscan` either side.
 * Every other page is an empty box of the right size, so memory is bounded
 * by the window, not by the document.
 */
export function renderWindow(
  visible: Iterable<number>,
  pageCount: number,
  overscan = 1,
): { first: number; last: number } | undefined {
  const pages = [...visible];
  if (pages.length === 0 || pageCount === 0) return undefined;
  return {
    first: Math.max(1, Math.min(...pages) - overscan),
    last: Math.min(pageCount, Math.max(...pages) + overscan),
  };
}

/** At most this many device pixels per page canvas (about 64 MB of RGBA). */
export const MAX_CANVAS_PIXELS = 16_777_216;

/** The device-pixel ratio for a page canvas, lowered when a large zoom would pass the cap. */
export function canvasRatio(cssWidth: number, cssHeight: number, devicePixelRatio: number): number {
  const wanted = Math.max(1, devicePixelRatio);
  const area = cssWidth * cssHeight;
  if (area <= 0) return wanted;
  return Math.min(wanted, Math.sqrt(MAX_CANVAS_PIXELS / area));
}

/** The page shown at the top third of the view: the last whose top is above that line. */
export function pageAt(pageTops: readonly number[], scrollTop: number, viewHeight: number): number {
  const line = scrollTop + viewHeight / 3;
  let page = 1;
  for (let index = 0; index < pageTops.length; index++) {
    if ((pageTops[index] ?? 0) <= line) page = index + 1;
    else break;
  }
  return page;
}
