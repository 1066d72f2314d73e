/** The file preview (PDFs and images opened inside the app). */
export const previews = {
  'preview.open': 'Preview {name}',
  'preview.none': 'No preview for {name}',
  'preview.title': 'Preview of {name}',
  'preview.download': 'Download',
  'preview.loading': 'Opening the preview…',
  'preview.unsupported.title': 'No preview for this file',
  'preview.unsupported.text':
    'Only PDFs and images (PNG, JPEG, GIF, WebP) open here. Download {name} to open it with an app on your device.',
  'preview.imageAlt': 'Image {name}',
  'preview.frameTitle': 'PDF preview of {name}',
  'preview.pdf.position': 'Page {page} of {count}',
  'preview.pdf.page': 'Page {page} of {count}',
  'preview.pdf.pageLoading': 'Loading page {page}…',
  'preview.pdf.pageFailed': 'Page {page} could not be drawn.',
  'preview.pdf.zoomIn': 'Zoom in',
  'preview.pdf.zoomOut': 'Zoom out',
  'preview.pdf.fitWidth': 'Fit width',
  'preview.pdf.failed.title': 'This PDF could not be shown',
  'preview.pdf.failed.broken':
    '{name} seems damaged or is not a PDF the preview can read. Download it to open it with an app on your device.',
  'preview.pdf.failed.password':
    '{name} is protected with a password. Download it and open it with an app that asks for the password.',
  'preview.pdf.failed.unreachable':
    'The hub did not send {name} (the link may have expired). Close the preview and open it again, or download the file.',
  'preview.pdf.failed.download': 'Download {name}',
} as const;
