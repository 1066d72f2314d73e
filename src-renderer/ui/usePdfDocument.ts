import { useEffect, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';
import { openPdf, pdfFailureOf, type PdfFailure } from './pdf-document';

export type PageSize = { width: number; height: number };

export type PdfDocumentState =
  | { status: 'opening' }
  | { status: 'failed'; failure: PdfFailure }
  | { status: 'ready'; doc: PDFDocumentProxy; firstPage: PageSize };

/**
 * Opens the PDF at `url` (read by ranges, see pdf-document.ts) with its
 * first page's size, which every page box takes until its own is known. A
 * new url starts again; a lost connection or a file pdf.js cannot read ends
 * in 'failed' with the reason to show.
 */
export function usePdfDocument(url: string): PdfDocumentState {
  const [state, setState] = useState<PdfDocumentState>({ status: 'opening' });

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

  return state;
}
