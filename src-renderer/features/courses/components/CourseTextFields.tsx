import { Textarea, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useT } from '../../../app/i18n';

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
