import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate } from 'react-router';
import { useT } from '../../../app/i18n';
import { errorText } from '../../../app/i18n/error-text';
import { joinByCode } from '../catalogue-store';

/** Students type the code their teacher gave them and land on the course. */
export function JoinByCodeForm() {
  const t = useT();
  const navigate = useNavigate();
  const form = useForm({
    initialValues: { code: '' },
    validate: { code: (v) => (v.trim() ? null : t('courses.join.required')) },
  });
  async function submit(values: { code: string }) {
    try {
      const course = await joinByCode(values.code.trim());
      await navigate(`/courses/${course.id}`);
    } catch (error) {
      form.setFieldError('code', errorText(error, t));
    }
  }
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('courses.join.title')}>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          label={t('courses.join.label')}
          placeholder={t('courses.join.placeholder')}
          style={{ flex: 1 }}
          {...form.getInputProps('code')}
        />
        <Button type="submit" mt={24} loading={form.submitting}>
          {t('courses.join.submit')}
        </Button>
      </Group>
    </form>
  );
}
