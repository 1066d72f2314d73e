import {
  ActionIcon,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import type { AdminAccount } from '../../../src-shared/schemas/admin';
import { api } from '../../app/hub-client';
import { useLanguage, useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { ActionDialogProps } from './collection';

/** Asks first (making a link signs the person out everywhere), then shows the link with a copy button. */
export function ResetLinkDialog({ item, onClose }: ActionDialogProps<AdminAccount>) {
  const t = useT();
  const language = useLanguage();
  const [link, setLink] = useState<{ resetUrl: string; expiresAt: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const name = `${item.firstName} ${item.lastName}`;

  async function make() {
    setBusy(true);
    setError(undefined);
    try {
      setLink(await api.call('adminResetPassword', { params: { userId: item.id } }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  // The hub may answer with a path; a full address is what can be handed over.
  const url = link ? new URL(link.resetUrl, window.location.origin).toString() : '';

  return (
    <Modal
      opened
      onClose={() => onClose(link !== undefined)}
      title={t('admin.resetTitle', { name })}
      centered
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <Stack>
        {error !== undefined && <ErrorNotice error={error} />}
        {!link ? (
          <>
            <Text size="sm">{t('admin.resetText', { name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => onClose(false)}>
                {t('common.cancel')}
              </Button>
              <Button loading={busy} onClick={() => void make()}>
                {t('admin.resetMake')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">
              {t('admin.resetDone', {
                time: new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(
                  new Date(link.expiresAt),
                ),
              })}
            </Text>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Code
                block
                flex={1}
                style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}
                data-testid="reset-link"
              >
                {url}
              </Code>
              <CopyButton value={url}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? t('common.copied') : t('admin.copyLink')}>
                    <ActionIcon
                      variant="light"
                      size="lg"
                      onClick={copy}
                      aria-label={t('admin.copyLink')}
                    >
                      {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end">
              <Button onClick={() => onClose(true)}>{t('admin.done')}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
