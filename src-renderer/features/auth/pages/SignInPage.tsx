import { Alert, Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../../api/api-error';
import { showFieldErrors } from '../../../app/form-errors';
import { safeNext } from '../../../app/guards';
import { useT, type MessageKey } from '../../../app/i18n';
import { errorText } from '../../../app/i18n/error-text';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { PasswordField } from '../../../ui/PasswordField';
import { authStore } from '../auth-store';
import { signIn } from '../session';
import { AuthCard } from '../components/AuthCard';
import type { SignOutReason } from '../../../api/token-refresher';

const signedOutNotice: Record<SignOutReason, MessageKey> = {
  expired: 'signIn.notice.expired',
  revoked: 'signIn.notice.revoked',
  'signed-out': 'signIn.notice.revoked',
  'signed-out-everywhere': 'signIn.notice.everywhere',
  'password-changed': 'signIn.notice.passwordChanged',
  'account-removed': 'signIn.notice.removed',
  'account-blocked': 'signIn.notice.blocked',
};

export function SignInPage() {
  const t = useT();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const reason = authStore.use((state) => state.signedOutBecause);
  const [formError, setFormError] = useState<unknown>();
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() ? null : t('signIn.usernameRequired')),
      password: (value) => (value ? null : t('signIn.passwordRequired')),
    },
    validateInputOnBlur: false,
  });

  async function submit(values: typeof form.values) {
    setFormError(undefined);
    try {
      await signIn(values.username.trim(), values.password);
      void navigate(safeNext(search.get('next')), { replace: true });
    } catch (error) {
      if (isApiError(error, 'ACCOUNT_PENDING')) {
        void navigate('/waiting-for-approval', { state: { username: values.username.trim() } });
      } else if (isApiError(error, 'ACCOUNT_UNVERIFIED')) {
        void navigate('/check-your-email', { state: { username: values.username.trim() } });
      } else if (isApiError(error, 'INVALID_CREDENTIALS')) {
        // The hub does not say which part was wrong (on purpose); the password is the usual suspect.
        form.setFieldError('password', errorText(error, t));
      } else {
        setFormError(showFieldErrors(error, ['username', 'password'] as const, form.setFieldError));
      }
    }
  }

  return (
    <AuthCard
      title={t('signIn.title')}
      subtitle={t('signIn.subtitle')}
      footer={
        <>
          {t('signIn.newHere')}{' '}
          <Anchor component={Link} to="/register" fw={600}>
            {t('signIn.createAccount')}
          </Anchor>
        </>
      }
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {reason && (
            <Alert variant="light" icon={<IconInfoCircle size={20} aria-hidden />} role="status">
              {t(signedOutNotice[reason])}
            </Alert>
          )}
          {formError !== undefined && <ErrorNotice error={formError} title={t('signIn.failed')} />}
          <TextInput
            label={t('signIn.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            data-autofocus
            {...form.getInputProps('username')}
          />
          <PasswordField
            label={t('signIn.password')}
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('signIn.forgot')}
            </Anchor>
          </Group>
          <Button type="submit" size="md" loading={form.submitting} fullWidth>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
