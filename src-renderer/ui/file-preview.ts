/**
 * What the app can show inside itself: PDFs (the browser's own viewer in a
 * frame) and raster images. The hub serves exactly these inline
 * (http/download.ts), with HTTP Range; whether the viewer asks for ranges is
 * the browser's choice — Chromium 156 was measured reading a 50 MB
 * (non-linearised) PDF in one plain GET (docs/decisions.md). Anything else is
 * offered as a download, never rendered.
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
