import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  canvasRatio,
  fitWidthScale,
  MAX_CANVAS_PIXELS,
  pageAt,
  pdfFailureOf,
  openPdf,
  pdfOptions,
  renderWindow,
  zoomIn,
  zoomOut,
} from '../../../src-renderer/ui/pdf-document';
import { bookPdf, lockedPdf } from '../../support/pdf';

const MB = 1024 * 1024;

/**
 * A file server with HTTP Range, like the hub's signed links, that counts
 * the body bytes it pushed per file (a cut response counts what went out).
 */
function rangeServer(files: Record<string, Buffer>) {
  const served = new Map<string, number>();
  const ranges: string[] = [];
  const server = createServer((req, res) => {
    const name = (req.url ?? '').slice(1);
    const file = files[name];
    if (!file) return void res.writeHead(404).end();
    ranges.push(`${name} ${req.headers.range ?? 'whole'}`);
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = Math.min(file.length - 1, range && range[2] ? Number(range[2]) : Infinity);
    res.writeHead(range ? 206 : 200, {
      'accept-ranges': 'bytes',
      'content-type': 'application/pdf',
      'content-length': end - start + 1,
      ...(range ? { 'content-range': `bytes ${start}-${end}/${file.length}` } : {}),
    });
    const body = file.subarray(start, end + 1);
    const pieces = Readable.from(
      (function* () {
        for (let at = 0; at < body.length; at += 16_384) yield body.subarray(at, at + 16_384);
      })(),
    );
    pieces.on('data', (piece: Buffer) => served.set(name, (served.get(name) ?? 0) + piece.length));
    pieces.pipe(res);
    res.on('close', () => pieces.destroy());
  });
  return { server, served, ranges };
}

describe('openPdf: a PDF read by ranges, with pdf.js', () => {
  const files = {
    'plain.pdf': bookPdf({ pages: 12, bytes: 50 * MB }),
    'fast.pdf': bookPdf({ pages: 12, bytes: 50 * MB, linearised: true }),
    'locked.pdf': lockedPdf(),
    'broken.pdf': Buffer.from('%PDF-1.7\nnot a PDF body\n'),
  };
  const { server, served, ranges } = rangeServer(files);
  let base = '';
  // The legacy build runs in Node; its worker, imported here, runs in this thread.
  const load = async () => ({
    pdfjs:
      (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as typeof import('pdfjs-dist'),
    workerSrc: '', // unused: the worker imported below runs in this thread
  });

  beforeAll(async () => {
    // @ts-expect-error: the worker build ships no types; importing it sets globalThis.pdfjsWorker.
    await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((resolve) => (server as Server).close(() => resolve())));

  async function firstPageBytes(name: string) {
    const loading = openPdf(name, { base, load });
    const doc = await loading.document;
    const page = await doc.getPage(1);
    const text = await page.getTextContent();
    await page.getOperatorList(); // what drawing the page needs, content stream included
    const bytes = served.get(name) ?? 0;
    const pages = doc.numPages;
    loading.cancel();
    return {
      bytes,
      pages,
      text: text.items.map((item) => ('str' in item ? item.str : '')).join(''),
    };
  }

  it('reads a 50 MB PDF with its table at the end in a few chunks, not the whole file', async () => {
    const { bytes, pages, text } = await firstPageBytes('plain.pdf');
    console.log(`pdf.js in Node, non-linearised 50 MB: ${bytes} B for page 1`);
    expect(pages).toBe(12);
    expect(text).toBe('Page 1 of the book');
    expect(bytes).toBeLessThan(5 * MB);
    expect(ranges.filter((r) => r.startsWith('plain.pdf')).every((r) => !r.endsWith('whole'))).toBe(
      true,
    );
  });

  it('reads a linearised 50 MB PDF’s first page from its start', async () => {
    const { bytes, text } = await firstPageBytes('fast.pdf');
    console.log(`pdf.js in Node, linearised 50 MB: ${bytes} B for page 1`);
    expect(ranges.filter((r) => r.startsWith('fast.pdf'))).toEqual(['fast.pdf bytes=0-65535']);
    expect(text).toBe('Page 1 of the book');
    expect(bytes).toBeLessThan(5 * MB);
  });

  it('names a password-protected file and a broken one apart', async () => {
    for (const [name, failure] of [
      ['locked.pdf', 'password'],
      ['broken.pdf', 'broken'],
      ['missing.pdf', 'unreachable'],
    ] as const) {
      const loading = openPdf(name, { base, load });
      const error = await loading.document.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(pdfFailureOf(error), `${name}: ${String(error)}`).toBe(failure);
      loading.cancel();
    }
  });
});

describe('pdfOptions', () => {
  it('reads only what a page asks for and never evaluates strings', () => {
    expect(pdfOptions()).toMatchObject({
      disableAutoFetch: true,
      disableStream: true,
      isEvalSupported: false,
      enableXfa: false,
      useWasm: false,
      rangeChunkSize: 65_536,
    });
  });
});

describe('viewer arithmetic', () => {
  it('steps zoom through fixed stops and stays within them', () => {
    expect(zoomIn(1)).toBe(1.1);
    expect(zoomOut(1)).toBe(0.9);
    expect(zoomIn(1.03)).toBe(1.1);
    expect(zoomOut(1.03)).toBe(1);
    expect(zoomIn(4)).toBe(4);
    expect(zoomOut(0.25)).toBe(0.25);
  });

  it('fits a page to the width, within the zoom range', () => {
    expect(fitWidthScale(595, 595 * (96 / 72))).toBeCloseTo(1);
    expect(fitWidthScale(595, 10)).toBe(0.25);
    expect(fitWidthScale(10, 5000)).toBe(4);
    expect(fitWidthScale(0, 800)).toBe(1);
  });

  it('draws only the pages on screen plus the overscan, clipped to the document', () => {
    expect(renderWindow([], 12)).toBeUndefined();
    expect(renderWindow([1], 12, 0)).toEqual({ first: 1, last: 1 });
    expect(renderWindow([5, 6], 12, 1)).toEqual({ first: 4, last: 7 });
    expect(renderWindow([12], 12, 2)).toEqual({ first: 10, last: 12 });
  });

  it('caps a canvas’s device pixels at a large zoom', () => {
    expect(canvasRatio(800, 1100, 2)).toBe(2);
    const ratio = canvasRatio(3000, 4200, 2);
    expect(3000 * 4200 * ratio * ratio).toBeLessThanOrEqual(MAX_CANVAS_PIXELS + 1);
    expect(canvasRatio(100, 100, 0.5)).toBe(1);
  });

  it('tells the current page from the page tops', () => {
    const tops = [0, 1000, 2000];
    expect(pageAt(tops, 0, 600)).toBe(1);
    expect(pageAt(tops, 900, 600)).toBe(2);
    expect(pageAt(tops, 5000, 600)).toBe(3);
  });
});
