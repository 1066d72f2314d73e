import { Alert, Button, Center, Group, Image, Loader, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload, IconEyeOff } from '@tabler/icons-react';
import { useLanguage, useT } from '../app/i18n';
import { formatSize } from './countdown';
import { ErrorNotice } from './ErrorNotice';
import { previewKindOf, type PreviewFile } from './file-preview';
import { PdfViewer } from './PdfViewer';

/**
 * The preview dialog: file name and size, the file itself (a PDF drawn by
 * pdf.js from ranges of the signed link, an image as <img>), and Download. It shows what
 * it is given; `app/FilePreview.tsx` fetches the signed link. Full screen on
 * phones, where a PDF needs every pixel.
 */
export function FilePreviewModal({
  file,
  url,
  error,
  onClose,
  onDownload,
}: {
  /** The file to show; null keeps the dialog closed. */
  file: PreviewFile | null;
  /** The signed inline link, once the hub gave it. */
  url: string | undefined;
  /** Why the link could not be had (or the download failed). */
  error: unknown;
  onClose: () => void;
  onDownload: () => void;
}) {
  const t = useT();
  const language = useLanguage();
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false });
  const kind = file ? previewKindOf(file.contentType) : undefined;
  return (
    <Modal
      opened={file !== null}
      onClose={onClose}
      fullScreen={phone}
      size="min(1100px, 95vw)"
      centered
      title={
        file && (
          <Stack gap={0}>
            <Text fw={600} lineClamp={1} style={{ wordBreak: 'break-all' }}>
              {file.fileName}
            </Text>
            <Text size="xs" c="dimmed">
              {formatSize(file.size, language)}
            </Text>
          </Stack>
        )
      }
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
      styles={{
        body: { display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-sm)' },
      }}
      data-testid="file-preview"
    >
      {file && (
        <>
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={onDownload}
            >
              {t('preview.download')}
            </Button>
          </Group>
          {error !== undefined && <ErrorNotice error={error} />}
          {kind === undefined ? (
            <Alert
              icon={<IconEyeOff size={20} aria-hidden />}
              title={t('preview.unsupported.title')}
              data-testid="preview-unsupported"
            >
              {t('preview.unsupported.text', { name: file.fileName })}
            </Alert>
          ) : url === undefined ? (
            error === undefined && (
              <Center h={240} aria-busy>
                <Loader aria-label={t('preview.loading')} />
              </Center>
            )
          ) : kind === 'pdf' ? (
            <PdfViewer
              url={url}
              fileName={file.fileName}
              height={phone ? 'calc(100dvh - 180px)' : 'min(75vh, calc(100dvh - 290px))'}
              onDownload={onDownload}
            />
          ) : (
            <Center>
              <Image
                src={url}
                alt={t('preview.imageAlt', { name: file.fileName })}
                data-testid="preview-image"
                fit="contain"
                mah={phone ? 'calc(100dvh - 140px)' : '75vh'}
                w="auto"
                maw="100%"
              />
            </Center>
          )}
        </>
      )}
    </Modal>
  );
}
