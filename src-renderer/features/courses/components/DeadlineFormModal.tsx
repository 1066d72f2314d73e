import { Checkbox, Group, NumberInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { CourseId, Deadline } from '../../../../src-shared/schemas/courses';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { saveDeadline } from '../course-store';
import { FormModal } from '../../../ui/FormModal';

const FIELDS = ['title', 'description', 'dueAt', 'maxPoints', 'acceptLate'] as const;

/** `datetime-local` speaks the viewer's local time; the hub stores UTC. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function inAWeek(): string {
  const date = new Date(Date.now() + 7 * 24 * 3600_000);
  date.setHours(17, 0, 0, 0);
  return toLocalInput(date.toISOString());
}

/** Teachers: create a deadline, or edit one when `deadline` is given. */
export function DeadlineFormModal({
  courseId,
  deadline,
  opened,
  onClose,
}: {
  courseId: CourseId;
  deadline?: Deadline;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    initialValues: {
      title: deadline?.title ?? '',
      description: deadline?.description ?? '',
      dueAt: deadline ? toLocalInput(deadline.dueAt) : inAWeek(),
      maxPoints: deadline?.maxPoints ?? 100,
      acceptLate: deadline?.acceptLate ?? true,
    },
    validate: {
      title: (v) => (v.trim() ? null : t('courses.deadline.titleRequired')),
      dueAt: (v) => (Number.isNaN(Date.parse(v)) ? t('courses.deadline.dueRequired') : null),
      maxPoints: (v) =>
        Number.isInteger(v) && v >= 1 ? null : t('courses.deadline.pointsInvalid'),
    },
  });
  async function submit(values: typeof form.values) {
    setError(undefined);
    try {
      const input = {
        ...values,
        maxPoints: Number(values.maxPoints),
        dueAt: new Date(values.dueAt).toISOString(),
      };
      await saveDeadline(courseId, input, deadline?.id);
      if (!deadline) form.reset();
      onClose();
    } catch (failure) {
      setError(showFieldErrors(failure, FIELDS, form.setFieldError));
    }
  }
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={deadline ? t('courses.deadline.editTitle') : t('courses.deadline.createTitle')}
      size="lg"
      onSubmit={form.onSubmit(submit)}
      error={error}
      submitLabel={t('courses.save')}
      submitting={form.submitting}
    >
      <TextInput label={t('courses.field.title')} required {...form.getInputProps('title')} />
      <Textarea
        label={t('courses.field.description')}
        autosize
        minRows={2}
        {...form.getInputProps('description')}
      />
      <Group grow align="flex-start">
        <TextInput
          type="datetime-local"
          label={t('courses.deadline.dueAt')}
          required
          {...form.getInputProps('dueAt')}
        />
        <NumberInput
          label={t('courses.deadline.maxPoints')}
          min={1}
          max={1000}
          {...form.getInputProps('maxPoints')}
        />
      </Group>
      <Checkbox
        label={t('courses.deadline.acceptLate')}
        {...form.getInputProps('acceptLate', { type: 'checkbox' })}
      />
    </FormModal>
  );
}
