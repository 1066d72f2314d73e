import { ActionIcon, Tooltip } from '@mantine/core';
import { IconEye, IconEyeOff } from '@tabler/icons-react';
import { useState } from 'react';
import { FilePreviewModal } from '../ui/FilePreviewModal';
import { previewKindOf, type PreviewFile } from '../ui/file-preview';
import { fetchFile, previewLink } from './file-transfer';
import { useT } from './i18n';

/**
 * The "eye" beside a file in any list (materials, handed-in work, post files,
 * chat attachments): opens the preview dialog and asks the hub for a fresh
 * signed link each time, so a link never outlives its ten minutes in a page.
 * Every file gets the button, so the way to look at a file is always the
 * same; for a type the app cannot show (anything but PDFs and raster images)
 * it is dimmed, and the dialog says so and offers the download.
 */
export function PreviewButton({ file, size = 'md' }: { file: PreviewFile; size?: 'sm' | 'md' }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState<string>();
  const [error, setError] = useState<unknown>();
  const previewable = previewKindOf(file.contentType) !== undefined;

  const show = () => {
    setOpen(true);
    setUrl(undefined);
    setError(undefined);
    if (previewable) previewLink(file.path).then(setUrl, setError);
  };
  const label = t(previewable ? 'preview.open' : 'preview.none', { name: file.fileName });
  const Icon = previewable ? IconEye : IconEyeOff;
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon
          variant="subtle"
          color={previewable ? undefined : 'gray'}
          size={size}
          aria-label={label}
          onClick={show}
        >
          <Icon size={size === 'sm' ? 16 : 18} />
        </ActionIcon>
      </Tooltip>
      <FilePreviewModal
        file={open ? file : null}
        url={url}
        error={error}
        onClose={() => setOpen(false)}
        onDownload={() => {
          setError(undefined);
          fetchFile(file.path, file.fileName).catch(setError);
        }}
      />
    </>
  );
}
