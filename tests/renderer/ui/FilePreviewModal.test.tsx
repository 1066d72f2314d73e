// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FilePreviewModal } from '../../../src-renderer/ui/FilePreviewModal';
import { previewKindOf, type PreviewFile } from '../../../src-renderer/ui/file-preview';
import { renderWithTheme } from '../render';

// pdf.js itself is exercised in pdf-document.test.ts and the e2e spec; here it is refused or pending.
const openPdf = vi.hoisted(() => vi.fn());
vi.mock('../../../src-renderer/ui/pdf-document', async (original) => ({
  ...(await original<typeof import('../../../src-renderer/ui/pdf-document')>()),
  openPdf,
}));

afterEach(() => {
  cleanup();
  openPdf.mockReset();
});

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
  it('opens a PDF from the signed inline link with pdf.js, showing its name and size', async () => {
    openPdf.mockReturnValue({ document: new Promise(() => {}), cancel: vi.fn() });
    renderWithTheme(
      <FilePreviewModal
        file={file('Lecture.pdf', 'application/pdf')}
        url="/api/materials/7/file?ticket=t&inline=1"
        error={undefined}
        onClose={() => {}}
        onDownload={() => {}}
      />,
    );
    expect(await screen.findByLabelText('Opening the preview…')).toBeTruthy();
    expect(openPdf.mock.calls[0]?.[0]).toBe('/api/materials/7/file?ticket=t&inline=1');
    expect(screen.getByText('Lecture.pdf')).toBeTruthy();
    expect(screen.getByText('50 MB')).toBeTruthy();
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('says a PDF it cannot open is locked, and offers the download', async () => {
    const locked = Object.assign(new Error('No password given'), { name: 'PasswordException' });
    openPdf.mockReturnValue({ document: Promise.reject(locked), cancel: vi.fn() });
    const onDownload = vi.fn();
    renderWithTheme(
      <FilePreviewModal
        file={file('Locked.pdf', 'application/pdf')}
        url="/api/materials/7/file?ticket=t&inline=1"
        error={undefined}
        onClose={() => {}}
        onDownload={onDownload}
      />,
    );
    expect(await screen.findByText('This PDF could not be shown')).toBeTruthy();
    expect(screen.getByText(/protected with a password/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Download Locked.pdf' }));
    expect(onDownload).toHaveBeenCalledOnce();
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
