import { Button, Group, Modal, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { createCourse } from '../catalogue-store';
import { useState } from 'react';

const FIELDS = ['title', 'description', 'capacity', 'codePrefix'] as const;

/** Teachers: a new course; the hub picks its code (CS101, CS102, …). */
export function CreateCourseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    initialValues: { title: '', description: '', capacity: 30, codePrefix: 'CS' },
    validate: {
      title: (v) => (v.trim() ? null : t('courses.create.titleRequired')),
      capacity: (v) => (Number.isInteger(v) && v >= 1 ? null : t('courses.create.capacityInvalid')),
      codePrefix: (v) =>
        /^[A-Za-z]{2,4}$/.test(v.trim()) ? null : t('courses.create.prefixInvalid'),
    },
  });
  async function submit(values: typeof form.values) {
    setError(undefined);
    try {
      const course = await createCourse({ ...values, capacity: Number(values.capacity) });
      onClose();
      form.reset();
      await navigate(`/courses/${course.id}`);
    } catch (failure) {
      setError(showFieldErrors(failure, FIELDS, form.setFieldError));
    }
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('courses.create.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    >
      <form onSubmit={form.onSubmit(submit)} noValidate>
        <Stack>
          {error !== undefined && <ErrorNotice error={error} />}
          <TextInput label={t('courses.field.title')} required {...form.getInputProps('title')} />
          <Textarea
            label={t('courses.field.description')}
            autosize
            minRows={3}
            {...form.getInputProps('description')}
          />
          <Group grow align="flex-start">
            <NumberInput
              label={t('courses.field.capacity')}
              min={1}
              max={1000}
              required
              {...form.getInputProps('capacity')}
            />
            <TextInput
              label={t('courses.field.codePrefix')}
              description={t('courses.field.codePrefixHint')}
              maxLength={4}
              {...form.getInputProps('codePrefix')}
            />
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('courses.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
