import { Alert, Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { Account } from '../../../src-shared/schemas/accounts';
import { showFieldErrors } from '../../app/form-errors';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { PasswordField } from '../../ui/PasswordField';
import { PasswordChecklist } from '../auth';
import { passwordLooksAcceptable } from '../auth';
import { changePassword } from './profile-actions';

/** Current password, a new one with the live policy checklist, and the hub's objections on their fields. */
export function ChangePasswordForm({ account }: { account: Account }) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const context = {
    username: account.username,
    email: account.email,
    firstName: account.firstName,
    lastName: account.lastName,
  };
  const form = useForm({
    mode: 'controlled',
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : t('signIn.passwordRequired')),
      newPassword: (v) => (passwordLooksAcceptable(v, context) ? null : t('register.passwordWeak')),
      confirm: (v, values) => (v === values.newPassword ? null : t('reset.mismatch')),
    },
  });

  async function submit(values: { currentPassword: string; newPassword: string }) {
    setError(undefined);
    setDone(false);
    try {
      await changePassword(values.currentPassword, values.newPassword);
      form.reset();
      setDone(true);
    } catch (failure) {
      setError(
        showFieldErrors(failure, ['currentPassword', 'newPassword'] as const, form.setFieldError),
      );
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {done && (
          <Alert
            color="teal"
            variant="light"
            icon={<IconCircleCheck size={20} aria-hidden />}
            role="status"
          >
            {t('password.changed')}
          </Alert>
        )}
        {error !== undefined && <ErrorNotice error={error} />}
        <PasswordField
          label={t('password.current')}
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <PasswordField
          label={t('reset.newPassword')}
          autoComplete="new-password"
          required
          checklist={<PasswordChecklist password={form.values.newPassword} context={context} />}
          {...form.getInputProps('newPassword')}
        />
        <PasswordField
          label={t('reset.confirm')}
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={form.submitting}>
            {t('password.change')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
