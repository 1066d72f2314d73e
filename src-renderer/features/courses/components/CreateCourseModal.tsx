import { Group, NumberInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { createCourse } from '../catalogue-store';
import { useState } from 'react';
import { FormModal } from '../../../ui/FormModal';
import { CourseCodeField } from './CourseCodeField';
import { CourseTextFields, courseRules } from './CourseTextFields';

const FIELDS = ['title', 'description', 'capacity', 'codePrefix', 'code'] as const;

/** Teachers: a new course, with a code of their own or the hub's next one (CS101, CS102, …). */
export function CreateCourseModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    initialValues: { title: '', description: '', capacity: 30, codePrefix: 'CS', code: '' },
    validate: {
      ...courseRules(t),
      codePrefix: (v, values) =>
        values.code.trim() || /^[A-Za-z]{2,4}$/.test(v.trim())
          ? null
          : t('courses.create.prefixInvalid'),
      code: (v) =>
        !v.trim() || /^[A-Za-z0-9]{2,12}$/.test(v.trim()) ? null : t('courses.create.codeInvalid'),
    },
  });
  async function submit(values: typeof form.values) {
    setError(undefined);
    try {
      const { code, ...rest } = values;
      const course = await createCourse({
        ...rest,
        capacity: Number(values.capacity),
        ...(code.trim() ? { code: code.trim() } : {}),
      });
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
        <CourseCodeField
          value={form.values.code}
          onChange={(code) => form.setFieldValue('code', code)}
          error={form.errors.code}
        />
      </Group>
      {!form.values.code.trim() && (
        <TextInput
          label={t('courses.field.codePrefix')}
          description={t('courses.field.codePrefixHint')}
          maxLength={4}
          {...form.getInputProps('codePrefix')}
        />
      )}
    </FormModal>
  );
}
