/**
 * What the app can show inside itself: PDFs (drawn by pdf.js, read by HTTP
 * Range so a big file's first page needs only its own bytes — `PdfViewer.tsx`)
 * and raster images. The hub serves exactly these inline (http/download.ts).
 * Anything else is offered as a download, never rendered.
 */
export type PreviewKind = 'pdf' | 'image';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

export function previewKindOf(contentType: string): PreviewKind | undefined {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/pdf') return 'pdf';
  return IMAGE_TYPES.has(type) ? 'image' : undefined;
}

/** A file the preview can be asked to show: its hub file route and what the list already knows. */
export interface PreviewFile {
  /** The file route, e.g. `/api/materials/7/file`. */
  readonly path: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
}
