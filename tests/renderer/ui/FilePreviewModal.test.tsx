// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilePreviewModal } from '../../../src-renderer/ui/FilePreviewModal';
import { previewKindOf, type PreviewFile } from '../../../src-renderer/ui/file-preview';
import { renderWithTheme } from '../render';

afterEach(cleanup);

const file = (fileName: string, contentType: string): PreviewFile => ({
  path: '/api/materials/7/file',
  fileName,
  contentType,
  size: 52_428_800,
});

describe('previewKindOf', () => {
  it('previews PDFs and raster images only', () => {
    expect(previewKindOf('application/pdf')).toBe('pdf');
    expect(previewKindOf('image/png')).toBe('image');
    expect(previewKindOf('image/JPEG; charset=binary')).toBe('image');
    for (const type of ['image/svg+xml', 'text/html', 'application/zip', 'text/plain'])
      expect(previewKindOf(type)).toBeUndefined();
  });
});

describe('FilePreviewModal', () => {
  it('shows a PDF in a frame of the signed inline link, with its name and size', async () => {
    renderWithTheme(
      <FilePreviewModal
        file={file('Lecture.pdf', 'application/pdf')}
        url="/api/materials/7/file?ticket=t&inline=1"
        error={undefined}
        onClose={() => {}}
        onDownload={() => {}}
      />,
    );
    const frame = await screen.findByTitle('PDF preview of Lecture.pdf');
    expect(frame.getAttribute('src')).toBe('/api/materials/7/file?ticket=t&inline=1');
    expect(screen.getByText('Lecture.pdf')).toBeTruthy();
    expect(screen.getByText('50 MB')).toBeTruthy();
  });

  it('says a type cannot be previewed and offers the download instead', async () => {
    const onDownload = vi.fn();
    renderWithTheme(
      <FilePreviewModal
        file={file('Notes.zip', 'application/zip')}
        url={undefined}
        error={undefined}
        onClose={() => {}}
        onDownload={onDownload}
      />,
    );
    expect(await screen.findByText('No preview for this file')).toBeTruthy();
    expect(screen.queryByTitle(/PDF preview/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(onDownload).toHaveBeenCalledOnce();
  });
});
