import { Anchor, Button, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Role } from '../../../../src-shared/schemas/accounts';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { PasswordField } from '../../../ui/PasswordField';
import { AuthCard } from '../components/AuthCard';
import { PasswordChecklist } from '../components/PasswordChecklist';
import { RolePicker } from '../components/RolePicker';
import { passwordLooksAcceptable } from '../password-checks';
import { register } from '../session';

const FIELDS = [
  'username',
  'firstName',
  'lastName',
  'email',
  'password',
  'confirmPassword',
  'role',
] as const;
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function RegisterPage() {
  const t = useT();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<unknown>();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      role: 'student' as Role,
      firstName: '',
      lastName: '',
      username: '',
      email: '',
      password: '',
      confirmPassword: '',
    },
    validate: {
      firstName: (value) => (value.trim() ? null : t('register.firstNameRequired')),
      lastName: (value) => (value.trim() ? null : t('register.lastNameRequired')),
      username: (value) => (value.trim() ? null : t('register.usernameRequired')),
      email: (value) => (EMAIL_SHAPE.test(value.trim()) ? null : t('register.emailInvalid')),
      password: (value, values) =>
        passwordLooksAcceptable(value, values) ? null : t('register.passwordWeak'),
      confirmPassword: (value, values) =>
        value === values.password ? null : t('register.passwordMismatch'),
    },
  });
  const { values } = form;

  async function submit(input: typeof values) {
    setFormError(undefined);
    try {
      const result = await register({
        ...input,
        username: input.username.trim(),
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        email: input.email.trim(),
      });
      if (result.nextStep === 'signed-in') void navigate('/home', { replace: true });
      else if (result.nextStep === 'await-approval')
        void navigate('/waiting-for-approval', { state: { username: result.account.username } });
      else void navigate('/check-your-email', { state: { email: result.account.email } });
    } catch (error) {
      setFormError(showFieldErrors(error, FIELDS, form.setFieldError));
    }
  }

  return (
    <AuthCard
      title={t('register.title')}
      subtitle={t('register.subtitle')}
      width={560}
      footer={
        <>
          {t('register.haveAccount')}{' '}
          <Anchor component={Link} to="/sign-in" fw={600}>
            {t('register.signIn')}
          </Anchor>
        </>
      }
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {formError !== undefined && (
            <ErrorNotice error={formError} title={t('register.failed')} />
          )}
          <RolePicker value={values.role} onChange={(role) => form.setFieldValue('role', role)} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              label={t('field.firstName')}
              autoComplete="given-name"
              required
              {...form.getInputProps('firstName')}
            />
            <TextInput
              label={t('field.lastName')}
              autoComplete="family-name"
              required
              {...form.getInputProps('lastName')}
            />
          </SimpleGrid>
          <TextInput
            label={t('field.username')}
            description={t('register.usernameHint')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            {...form.getInputProps('username')}
          />
          <TextInput
            label={t('field.email')}
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordField
            label={t('field.password')}
            autoComplete="new-password"
            required
            checklist={<PasswordChecklist password={values.password} context={values} />}
            {...form.getInputProps('password')}
          />
          <PasswordField
            label={t('field.confirmPassword')}
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmPassword')}
          />
          <Button type="submit" size="md" loading={form.submitting} fullWidth mt="xs">
            {t('register.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
