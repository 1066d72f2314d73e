import { Group, NumberInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { createCourse } from '../catalogue-store';
import { useState } from 'react';
import { FormModal } from '../../../ui/FormModal';
import { CourseTextFields, courseRules } from './CourseTextFields';

const FIELDS = ['title', 'description', 'capacity', 'codePrefix'] as const;

/** Teachers: a new course; the hub picks its code (CS101, CS102, …). */
export function CreateCourseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    initialValues: { title: '', description: '', capacity: 30, codePrefix: 'CS' },
    validate: {
      ...courseRules(t),
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
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('courses.create.title')}
      size="lg"
      onSubmit={form.onSubmit(submit)}
      error={error}
      submitLabel={t('courses.create.submit')}
      submitting={form.submitting}
    >
      <CourseTextFields inputProps={form.getInputProps} />
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
    </FormModal>
  );
}
