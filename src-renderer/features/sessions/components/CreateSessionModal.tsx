import { Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { createSession } from '../sessions-store';
import { CourseSelect } from './CourseSelect';
import { fromLocalInput } from './datetime';

const FIELDS = ['title', 'description', 'joinTokenExpiresAt', 'courseId'] as const;

/** Title, description, an optional course and token expiry; the hub makes the token. */
export function CreateSessionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    initialValues: {
      title: '',
      description: '',
      joinTokenExpiresAt: '',
      courseId: null as string | null,
    },
    validate: { title: (v) => (v.trim() ? null : t('sessions.titleRequired')) },
  });
  async function submit(values: typeof form.values) {
    setError(undefined);
    try {
      const session = await createSession({
        title: values.title.trim(),
        description: values.description.trim(),
        joinTokenExpiresAt: fromLocalInput(values.joinTokenExpiresAt),
        courseId: values.courseId ?? undefined,
      });
      form.reset();
      onClose();
      await navigate(`/sessions/${session.id}`);
    } catch (failure) {
      setError(showFieldErrors(failure, FIELDS, form.setFieldError));
    }
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('sessions.create.title')}
      centered
      closeButtonProps={{ 'aria-label': t('sessions.close') }}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('sessions.field.title')}
            required
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('sessions.field.description')}
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('description')}
          />
          <CourseSelect
            value={form.values.courseId}
            onChange={(courseId) => form.setFieldValue('courseId', courseId)}
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
              {t('sessions.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
