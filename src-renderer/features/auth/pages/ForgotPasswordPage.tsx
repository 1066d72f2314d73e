import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { showFieldErrors } from '../../../app/form-errors';
import { api } from '../../../app/hub-client';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { StatusScreen } from '../../../ui/StatusScreen';
import { AuthCard } from '../components/AuthCard';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function ForgotPasswordPage() {
  const t = useT();
  const [sentTo, setSentTo] = useState<string>();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '' },
    validate: { email: (v) => (EMAIL_SHAPE.test(v.trim()) ? null : t('register.emailInvalid')) },
  });

  async function submit({ email }: { email: string }) {
    setError(undefined);
    try {
      await api.call('forgotPassword', { body: { email: email.trim() } });
      setSentTo(email.trim());
    } catch (failure) {
      setError(showFieldErrors(failure, ['email'] as const, form.setFieldError));
    }
  }

  if (sentTo) {
    return (
      <StatusScreen
        icon={<IconMailForward size={32} stroke={1.6} />}
        title={t('forgot.sentTitle')}
        actions={
          <Button component={Link} to="/sign-in" variant="default">
            {t('common.backToSignIn')}
          </Button>
        }
      >
        <Text>{t('forgot.sentText', { email: sentTo })}</Text>
        <Text size="sm">{t('checkEmail.noEmail')}</Text>
      </StatusScreen>
    );
  }
  return (
    <AuthCard
      title={t('forgot.title')}
      subtitle={t('forgot.subtitle')}
      footer={
        <Anchor component={Link} to="/sign-in" fw={600}>
          {t('common.backToSignIn')}
        </Anchor>
      }
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {error !== undefined && <ErrorNotice error={error} />}
          <TextInput
            label={t('field.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <Button type="submit" size="md" loading={form.submitting} fullWidth>
            {t('forgot.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
