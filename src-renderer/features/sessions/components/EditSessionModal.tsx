import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import type { Session } from '../../../../src-shared/schemas/sessions';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { updateSession } from '../session-actions';
import { fromLocalInput, toLocalInput } from './datetime';

const FIELDS = ['title', 'description', 'joinTokenExpiresAt'] as const;

/** The host changes the title, description or when the join token stops working. */
export function EditSessionModal({
  session,
  opened,
  onClose,
}: {
  session: Session;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    initialValues: { title: '', description: '', joinTokenExpiresAt: '' },
    validate: { title: (v) => (v.trim() ? null : t('sessions.titleRequired')) },
  });
  const { setValues } = form;
  useEffect(() => {
    if (!opened) return;
    setError(undefined);
    setValues({
      title: session.title,
      description: session.description,
      joinTokenExpiresAt: toLocalInput(session.joinTokenExpiresAt),
    });
    // Filled in each time the dialog opens, not on every live update while it is open.
  }, [opened]);
  async function submit(values: typeof form.values) {
    setError(undefined);
    try {
      await updateSession({
        title: values.title.trim(),
        description: values.description.trim(),
        joinTokenExpiresAt: fromLocalInput(values.joinTokenExpiresAt) ?? null,
      });
      onClose();
    } catch (failure) {
      setError(showFieldErrors(failure, FIELDS, form.setFieldError));
    }
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('sessions.edit.title')}
      centered
      closeButtonProps={{ 'aria-label': t('sessions.close') }}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <TextInput label={t('sessions.field.title')} required {...form.getInputProps('title')} />
          <Textarea
            label={t('sessions.field.description')}
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('description')}
          />
          <TextInput
            type="datetime-local"
            label={t('sessions.field.expiry')}
            description={t('sessions.field.expiryHint')}
            {...form.getInputProps('joinTokenExpiresAt')}
          />
          {error !== undefined && <ErrorNotice error={error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('sessions.edit.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
