import { Alert, Button, Center, Loader, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useT } from '../app/i18n';
import { PdfPages } from './PdfPages';
import { usePdfDocument } from './usePdfDocument';

/**
 * A PDF drawn by pdf.js, read from the hub by ranges (`pdf-document.ts`).
 * Pages are boxes the size of page 1 until drawn; only those on screen or
 * within half a screen of it hold a canvas (a scanned page's content can be
 * megabytes, so nothing further is read ahead). PgUp/PgDn and ←/→ move
 * by page, Home/End to the ends, + and − zoom (pdf-keys.ts); a file pdf.js
 * cannot open says so and offers the download.
 */
export function PdfViewer({
  url,
  fileName,
  height,
  onDownload,
}: {
  url: string;
  fileName: string;
  height: string;
  onDownload: () => void;
}) {
  const t = useT();
  const state = usePdfDocument(url);

  if (state.status === 'failed')
    return (
      <Alert
        color="red"
        icon={<IconAlertTriangle size={20} aria-hidden />}
        title={t('preview.pdf.failed.title')}
        data-testid="preview-pdf-failed"
      >
        <Text size="sm" mb="sm">
          {t(`preview.pdf.failed.${state.failure}`, { name: fileName })}
        </Text>
        <Button size="xs" leftSection={<IconDownload size={14} aria-hidden />} onClick={onDownload}>
          {t('preview.pdf.failed.download', { name: fileName })}
        </Button>
      </Alert>
    );
  if (state.status === 'opening')
    return (
      <Center h={240} aria-busy>
        <Loader aria-label={t('preview.loading')} />
      </Center>
    );
  return (
    <PdfPages doc={state.doc} firstPage={state.firstPage} fileName={fileName} height={height} />
  );
}
