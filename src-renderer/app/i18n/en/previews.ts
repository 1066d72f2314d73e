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
} as const;
