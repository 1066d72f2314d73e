import { Textarea, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useT, type Translate } from '../../../app/i18n';

/** A course's title and description: what creating and editing a course share. */
export function CourseTextFields({
  inputProps,
}: {
  inputProps: (field: 'title' | 'description') => GetInputPropsReturnType;
}) {
  const t = useT();
  return (
    <>
      <TextInput label={t('courses.field.title')} required {...inputProps('title')} />
      <Textarea
        label={t('courses.field.description')}
        autosize
        minRows={3}
        maxRows={12}
        {...inputProps('description')}
      />
    </>
  );
}

/** The checks creating and editing a course share, before the hub has its say. */
export function courseRules(t: Translate) {
  return {
    title: (value: string) => (value.trim() ? null : t('courses.create.titleRequired')),
    capacity: (value: number | string) =>
      Number.isInteger(Number(value)) && Number(value) >= 1
        ? null
        : t('courses.create.capacityInvalid'),
  };
}
