// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { StoredFile } from '../../../../../src-shared/schemas/files';
import { AttachmentChips } from '../../../../../src-renderer/features/chat/components/AttachmentChips';
import { renderWithTheme } from '../../../render';

afterEach(cleanup);

const stored = (fileName: string, contentType: string) =>
  ({
    id: fileName,
    fileName,
    contentType,
    kind: 'document',
    size: 1200,
    sha256: 'x',
  }) as StoredFile;

describe('AttachmentChips', () => {
  it('offers a preview beside each stored attachment, saying when a type has none', () => {
    renderWithTheme(
      <AttachmentChips
        files={[stored('plan.pdf', 'application/pdf'), stored('data.csv', 'text/csv')]}
        onDownload={() => {}}
        previewPath={(file) => `/api/chat/x/1/files/${file.id}`}
      />,
    );
    expect(screen.getByRole('button', { name: 'Preview plan.pdf' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'No preview for data.csv' })).toBeTruthy();
  });

  it('offers nothing while the message is still being sent', () => {
    renderWithTheme(<AttachmentChips files={[stored('plan.pdf', 'application/pdf')]} />);
    expect(screen.queryByRole('button', { name: 'Preview plan.pdf' })).toBeNull();
  });
});
