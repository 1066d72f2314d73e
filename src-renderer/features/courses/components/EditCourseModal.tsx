import { NumberInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useEffectEvent, useState } from 'react';
import type { Course } from '../../../../src-shared/schemas/courses';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { updateCourse } from '../course-store';
import { FormModal } from '../../../ui/FormModal';
import { CourseTextFields, courseRules } from './CourseTextFields';

const FIELDS = ['title', 'description', 'capacity'] as const;

/**
 * Its teacher edits title, description and capacity. The hub decides whether
 * the capacity still fits the students enrolled; its message is shown under
 * the field, since it says what to do.
 */
export function EditCourseModal({
  course,
  opened,
  onClose,
}: {
  course: Course;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    initialValues: {
      title: course.title,
      description: course.description,
      capacity: course.capacity,
    },
    validate: courseRules(t),
  });
  // Each opening starts from the course as it is now (it may have changed since); only on opening,
  // not on every live update while the dialog is open — hence an effect event.
  const fillFromCourse = useEffectEvent(() => {
    form.setValues({
      title: course.title,
      description: course.description,
      capacity: course.capacity,
    });
    form.resetDirty();
    form.clearErrors();
    setError(undefined);
  });
  useEffect(() => {
    if (opened) fillFromCourse();
  }, [opened]);

  async function submit(values: typeof form.values) {
    setError(undefined);
    try {
      await updateCourse(course.id, {
        title: values.title,
        description: values.description,
        capacity: Number(values.capacity),
      });
      onClose();
    } catch (failure) {
      setError(showFieldErrors(failure, FIELDS, form.setFieldError));
    }
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('courses.edit.title')}
      size="lg"
      onSubmit={form.onSubmit(submit)}
      error={error}
      submitLabel={t('courses.edit.submit')}
      submitting={form.submitting}
    >
      <CourseTextFields inputProps={form.getInputProps} />
      <NumberInput
        label={t('courses.field.capacity')}
        description={t('courses.edit.capacityHint', { enrolled: course.enrolledCount })}
        min={1}
        max={1000}
        required
        {...form.getInputProps('capacity')}
      />
    </FormModal>
  );
}
