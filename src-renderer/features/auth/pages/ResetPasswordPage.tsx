import { Button, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconLinkOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/api-error';
import { showFieldErrors } from '../../../app/form-errors';
import { api, endSignIn } from '../../../app/hub-client';
import { useT, type MessageKey } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { PasswordField } from '../../../ui/PasswordField';
import { StatusScreen } from '../../../ui/StatusScreen';
import { AuthCard } from '../components/AuthCard';
import { PasswordChecklist } from '../components/PasswordChecklist';
import { passwordLooksAcceptable } from '../password-checks';

/** `/reset-password?token=…`: the link from a "forgot password" email or from the admin. */
export function ResetPasswordPage() {
  const t = useT();
  const token = useSearchParams()[0].get('token') ?? '';
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => (passwordLooksAcceptable(v, {}) ? null : t('register.passwordWeak')),
      confirm: (v, values) => (v === values.password ? null : t('reset.mismatch')),
    },
  });

  async function submit({ password }: { password: string }) {
    setError(undefined);
    try {
      await api.call('resetPassword', { body: { token, password } });
      // The hub signed out every device of this account; this one too.
      endSignIn();
      setDone(true);
    } catch (failure) {
      setError(showFieldErrors(failure, ['password'] as const, form.setFieldError));
    }
  }

  if (done) {
    return (
      <StatusScreen
        icon={<IconCircleCheck size={32} stroke={1.6} />}
        color="teal"
        title={t('reset.doneTitle')}
        actions={
          <Button component={Link} to="/sign-in">
            {t('verify.signIn')}
          </Button>
        }
      >
        <Text>{t('reset.doneText')}</Text>
      </StatusScreen>
    );
  }
  const linkProblem: MessageKey | undefined = !token
    ? 'reset.noToken'
    : isApiError(error, 'GONE')
      ? 'reset.expired'
      : isApiError(error, 'NOT_FOUND')
        ? 'reset.invalid'
        : undefined;
  if (linkProblem) {
    return (
      <StatusScreen
        icon={<IconLinkOff size={32} stroke={1.6} />}
        color="red"
        title={t('reset.linkProblem')}
        actions={
          <Button component={Link} to="/forgot-password">
            {t('reset.askAgain')}
          </Button>
        }
      >
        <Text>{t(linkProblem)}</Text>
      </StatusScreen>
    );
  }
  return (
    <AuthCard title={t('reset.title')} subtitle={t('reset.subtitle')}>
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {error !== undefined && <ErrorNotice error={error} />}
          <PasswordField
            label={t('reset.newPassword')}
            autoComplete="new-password"
            required
            checklist={<PasswordChecklist password={form.values.password} context={{}} />}
            {...form.getInputProps('password')}
          />
          <PasswordField
            label={t('reset.confirm')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" size="md" loading={form.submitting} fullWidth>
            {t('reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
