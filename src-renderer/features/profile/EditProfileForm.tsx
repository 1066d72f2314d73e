import { Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Account, UpdateProfileRequest } from '../../../src-shared/schemas/accounts';
import { showFieldErrors } from '../../app/form-errors';
import { useT } from '../../app/i18n';
import { ErrorNotice } from '../../ui/ErrorNotice';
import { updateProfile } from './profile-actions';

const BIO_MAX = 1000;
const FIELDS = [
  'firstName',
  'lastName',
  'bio',
  'student.studentId',
  'student.enrolmentDate',
  'teacher.title',
  'teacher.department',
  'teacher.yearsOfExperience',
] as const;

function initialValues(account: Account) {
  return {
    firstName: account.firstName,
    lastName: account.lastName,
    bio: account.bio,
    student: {
      studentId: account.student?.studentId ?? '',
      enrolmentDate: account.student?.enrolmentDate ?? '',
    },
    teacher: {
      title: account.teacher?.title ?? '',
      department: account.teacher?.department ?? '',
      yearsOfExperience: account.teacher?.yearsOfExperience ?? ('' as number | string),
    },
  };
}
type Values = ReturnType<typeof initialValues>;

/** Only the fields of the person's role are sent; empty optional fields are left out. */
function toRequest(values: Values, account: Account): UpdateProfileRequest {
  const request: UpdateProfileRequest = {
    firstName: values.firstName,
    lastName: values.lastName,
    bio: values.bio,
  };
  if (account.role === 'student') {
    request.student = {
      studentId: values.student.studentId,
      ...(values.student.enrolmentDate ? { enrolmentDate: values.student.enrolmentDate } : {}),
    };
  } else {
    const years = values.teacher.yearsOfExperience;
    request.teacher = {
      title: values.teacher.title,
      department: values.teacher.department,
      ...(typeof years === 'number' ? { yearsOfExperience: years } : {}),
    };
  }
  return request;
}

/** Names, bio and the fields of your role; the hub's objections appear on their fields. */
export function EditProfileForm({ account, onDone }: { account: Account; onDone: () => void }) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    mode: 'controlled',
    initialValues: initialValues(account),
    validate: {
      firstName: (v) => (v.trim() ? null : t('register.firstNameRequired')),
      lastName: (v) => (v.trim() ? null : t('register.lastNameRequired')),
      bio: (v) => (v.length <= BIO_MAX ? null : t('profile.bioTooLong', { max: BIO_MAX })),
    },
  });

  async function submit(values: Values) {
    setError(undefined);
    try {
      await updateProfile(toRequest(values, account));
      onDone();
    } catch (failure) {
      setError(showFieldErrors(failure, FIELDS, form.setFieldError));
    }
  }

  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack>
        {error !== undefined && <ErrorNotice error={error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('field.firstName')} required {...form.getInputProps('firstName')} />
          <TextInput label={t('field.lastName')} required {...form.getInputProps('lastName')} />
        </SimpleGrid>
        <Textarea
          label={t('profile.bio')}
          description={t('profile.bioHint', { count: form.values.bio.length, max: BIO_MAX })}
          autosize
          minRows={3}
          maxRows={8}
          {...form.getInputProps('bio')}
        />
        {account.role === 'student' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('profile.studentId')}
              {...form.getInputProps('student.studentId')}
            />
            <TextInput
              label={t('profile.enrolmentDate')}
              type="date"
              {...form.getInputProps('student.enrolmentDate')}
            />
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('profile.teacherTitle')} {...form.getInputProps('teacher.title')} />
            <TextInput
              label={t('profile.department')}
              {...form.getInputProps('teacher.department')}
            />
            <NumberInput
              label={t('profile.yearsOfExperience')}
              min={0}
              max={80}
              allowDecimal={false}
              {...form.getInputProps('teacher.yearsOfExperience')}
            />
          </SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {t('profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
