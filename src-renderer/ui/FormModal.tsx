import { Button, Group, Modal, Stack, type ModalProps } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useT } from '../app/i18n';
import { ErrorNotice } from './ErrorNotice';

/**
 * Every create/edit dialog: a titled modal holding one form, the hub's
 * refusal above the fields (field errors go on the fields themselves), and
 * Cancel / submit at the bottom.
 */
export function FormModal({
  opened,
  onClose,
  title,
  onSubmit,
  error,
  submitLabel,
  submitting,
  size,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  /** `form.onSubmit(handler)` from @mantine/form. */
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** What the hub answered, when it refused; undefined otherwise. */
  error: unknown;
  submitLabel: string;
  submitting: boolean;
  size?: ModalProps['size'];
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      centered
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {error !== undefined && <ErrorNotice error={error} />}
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
