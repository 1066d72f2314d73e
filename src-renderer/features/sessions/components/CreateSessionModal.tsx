import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { createSession } from '../sessions-store';
import { CourseSelect } from './CourseSelect';
import { MeetingTimeFields } from './MeetingTimeFields';
import { fromLocalInput } from './datetime';
import { FormModal } from '../../../ui/FormModal';
import { SessionFields } from './SessionFields';

const FIELDS = [
  'title',
  'description',
  'joinTokenExpiresAt',
  'courseId',
  'startsAt',
  'endsAt',
] as const;

/** Title, description, an optional course and token expiry; the hub makes the token. */
export function CreateSessionModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    initialValues: {
      title: '',
      description: '',
      joinTokenExpiresAt: '',
      courseId: null as string | null,
      startsAt: '',
      endsAt: '',
    },
    validate: { title: (v) => (v.trim() ? null : t('sessions.titleRequired')) },
  });
  async function submit(values: typeof form.values) {
    setError(undefined);
    try {
      const session = await createSession({
        title: values.title.trim(),
        description: values.description.trim(),
        joinTokenExpiresAt: fromLocalInput(values.joinTokenExpiresAt),
        courseId: values.courseId ?? undefined,
        startsAt: fromLocalInput(values.startsAt),
        endsAt: fromLocalInput(values.endsAt),
      });
      form.reset();
      onClose();
      await navigate(`/sessions/${session.id}`);
    } catch (failure) {
      setError(showFieldErrors(failure, FIELDS, form.setFieldError));
    }
  }
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('sessions.create.title')}
      onSubmit={form.onSubmit(submit)}
      error={error}
      submitLabel={t('sessions.create.submit')}
      submitting={form.submitting}
    >
      <SessionFields inputProps={form.getInputProps} autoFocus>
        <CourseSelect
          value={form.values.courseId}
          onChange={(courseId) => form.setFieldValue('courseId', courseId)}
        />
        <MeetingTimeFields inputProps={form.getInputProps} />
      </SessionFields>
    </FormModal>
  );
}
