import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { AccountStatus, Role } from '../../../src-shared/schemas/accounts';
import type { AdminAccount } from '../../../src-shared/schemas/admin';
import { showFieldErrors } from '../../app/form-errors';
import { api } from '../../app/hub-client';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import type { ActionDialogProps } from './collection';

const FIELDS = ['firstName', 'lastName', 'email', 'role', 'isAdmin', 'status'] as const;

/** Names, email, role, admin flag and status of any account. */
export function EditUserDialog({ item, onClose }: ActionDialogProps<AdminAccount>) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      firstName: item.firstName,
      lastName: item.lastName,
      email: item.email,
      role: item.role as Role,
      isAdmin: item.isAdmin,
      status: item.status as AccountStatus,
    },
    validate: {
      firstName: (v) => (v.trim() ? null : t('register.firstNameRequired')),
      lastName: (v) => (v.trim() ? null : t('register.lastNameRequired')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('register.emailInvalid')),
    },
  });

  async function submit(values: typeof form.values) {
    setError(undefined);
    try {
      await api.call('adminUpdateUser', { params: { userId: item.id }, body: values });
      onClose(true);
    } catch (failure) {
      setError(showFieldErrors(failure, FIELDS, form.setFieldError));
    }
  }

  return (
    <Modal
      opened
      onClose={() => onClose(false)}
      title={t('admin.editTitle', { name: `${item.firstName} ${item.lastName}` })}
      centered
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
      size="lg"
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {error !== undefined && <ErrorNotice error={error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('field.firstName')} required {...form.getInputProps('firstName')} />
            <TextInput label={t('field.lastName')} required {...form.getInputProps('lastName')} />
          </SimpleGrid>
          <TextInput
            label={t('field.email')}
            type="email"
            required
            {...form.getInputProps('email')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('admin.column.role')}
              allowDeselect={false}
              data={[
                { value: 'student', label: t('role.student') },
                { value: 'teacher', label: t('role.teacher') },
              ]}
              {...form.getInputProps('role')}
            />
            <Select
              label={t('admin.column.status')}
              allowDeselect={false}
              data={[
                { value: 'active', label: t('admin.status.active') },
                { value: 'pending', label: t('admin.status.pending') },
                { value: 'rejected', label: t('admin.status.rejected') },
              ]}
              {...form.getInputProps('status')}
            />
          </SimpleGrid>
          <Switch
            label={t('admin.isAdmin')}
            description={t('admin.isAdminHint')}
            {...form.getInputProps('isAdmin', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => onClose(false)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('admin.saveUser')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
