import { Button, Group, Modal, NumberInput, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import type { Course } from '../../../../src-shared/schemas/courses';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';
import { updateCourse } from '../course-store';

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
    validate: {
      title: (v) => (v.trim() ? null : t('courses.create.titleRequired')),
      capacity: (v) =>
        Number.isInteger(Number(v)) && Number(v) >= 1 ? null : t('courses.create.capacityInvalid'),
    },
  });
  // Each opening starts from the course as it is now (it may have changed since); only on opening.
  useEffect(() => {
    if (!opened) return;
    form.setValues({
      title: course.title,
      description: course.description,
      capacity: course.capacity,
    });
    form.resetDirty();
    form.clearErrors();
    setError(undefined);
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
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('courses.edit.title')}
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
            maxRows={12}
            {...form.getInputProps('description')}
          />
          <NumberInput
            label={t('courses.field.capacity')}
            description={t('courses.edit.capacityHint', { enrolled: course.enrolledCount })}
            min={1}
            max={1000}
            required
            {...form.getInputProps('capacity')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {t('courses.edit.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
