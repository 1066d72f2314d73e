import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { showFieldErrors } from '../../../app/form-errors';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "Send the link again": the hub answers alike for unknown addresses, and so do we. */
export function ResendVerification({ email = '' }: { email?: string }) {
  const t = useT();
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<unknown>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email },
    validate: { email: (v) => (EMAIL_SHAPE.test(v.trim()) ? null : t('register.emailInvalid')) },
  });

  async function submit(values: { email: string }) {
    setError(undefined);
    try {
      await api.call('resendVerification', { body: { email: values.email.trim() } });
      setSent(true);
    } catch (failure) {
      setError(showFieldErrors(failure, ['email'] as const, form.setFieldError));
    }
  }

  if (sent) {
    return (
      <Alert variant="light" color="teal" role="status" ta="left">
        {t('checkEmail.resent')}
      </Alert>
    );
  }
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      {error !== undefined && <ErrorNotice error={error} />}
      <Stack gap="xs" ta="left">
        <TextInput
          label={t('field.email')}
          type="email"
          autoComplete="email"
          {...form.getInputProps('email')}
        />
        <Button type="submit" variant="light" loading={form.submitting} fullWidth>
          {t('checkEmail.resend')}
        </Button>
      </Stack>
    </form>
  );
}
