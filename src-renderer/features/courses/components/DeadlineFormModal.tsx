import {
  Checkbox,
  FileInput,
  Group,
  MultiSelect,
  NumberInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { CourseId } from '../../../../src-shared/schemas/courses';
import type { Deadline } from '../../../../src-shared/schemas/deadlines';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { courseStore, saveDeadline } from '../course-store';
import { uploadFile } from '../../../app/file-transfer';
import type { MaterialId } from '../../../../src-shared/schemas/courses';
import { FormModal } from '../../../ui/FormModal';

const FIELDS = [
  'title',
  'description',
  'dueAt',
  'maxPoints',
  'acceptLate',
  'materialIds',
  'fileIds',
] as const;

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
  const materials = courseStore.use((s) => s.materials);
  const [files, setFiles] = useState<File[]>([]);
  const form = useForm({
    initialValues: {
      title: deadline?.title ?? '',
      description: deadline?.description ?? '',
      dueAt: deadline ? toLocalInput(deadline.dueAt) : inAWeek(),
      maxPoints: deadline?.maxPoints ?? 100,
      acceptLate: deadline?.acceptLate ?? true,
      materialIds: (deadline?.materials ?? []).map((m) => m.id as string),
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
      // New files are uploaded first; the hub makes each a course material and attaches it.
      const fileIds = [];
      for (const file of files) fileIds.push((await uploadFile(file, () => undefined)).id);
      const input = {
        ...values,
        maxPoints: Number(values.maxPoints),
        dueAt: new Date(values.dueAt).toISOString(),
        materialIds: values.materialIds as MaterialId[],
        fileIds,
      };
      await saveDeadline(courseId, input, deadline?.id);
      setFiles([]);
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
      <MultiSelect
        label={t('deadline.materials.attach')}
        placeholder={materials.length ? t('deadline.materials.pick') : t('deadline.materials.none')}
        data={materials.map((m) => ({ value: m.id, label: m.title }))}
        searchable
        clearable
        {...form.getInputProps('materialIds')}
      />
      <FileInput
        label={t('deadline.materials.newFiles')}
        placeholder={t('deadline.materials.pickFiles')}
        multiple
        clearable
        value={files}
        onChange={setFiles}
        leftSection={<IconPaperclip size={16} aria-hidden />}
      />
      <Checkbox
        label={t('courses.deadline.acceptLate')}
        {...form.getInputProps('acceptLate', { type: 'checkbox' })}
      />
    </FormModal>
  );
}
