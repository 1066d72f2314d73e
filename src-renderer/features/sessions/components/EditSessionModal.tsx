import { useForm } from '@mantine/form';
import { useEffect, useEffectEvent, useState } from 'react';
import type { Session } from '../../../../src-shared/schemas/sessions';
import { showFieldErrors } from '../../../app/form-errors';
import { useT } from '../../../app/i18n';
import { updateSession } from '../session-actions';
import { fromLocalInput, toLocalInput } from './datetime';
import { FormModal } from '../../../ui/FormModal';
import { MeetingTimeFields } from './MeetingTimeFields';
import { SessionFields } from './SessionFields';

const FIELDS = ['title', 'description', 'joinTokenExpiresAt', 'startsAt', 'endsAt'] as const;

/** The host changes the title, description or when the join token stops working. */
export function EditSessionModal({
  session,
  opened,
  onClose,
}: {
  session: Session;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [error, setError] = useState<unknown>();
  const form = useForm({
    initialValues: { title: '', description: '', joinTokenExpiresAt: '', startsAt: '', endsAt: '' },
    validate: { title: (v) => (v.trim() ? null : t('sessions.titleRequired')) },
  });
  // Filled in each time the dialog opens, not on every live update while it is open.
  const fillFromSession = useEffectEvent(() => {
    setError(undefined);
    form.setValues({
      title: session.title,
      description: session.description,
      joinTokenExpiresAt: toLocalInput(session.joinTokenExpiresAt),
      startsAt: toLocalInput(session.startsAt),
      endsAt: toLocalInput(session.endsAt),
    });
  });
  useEffect(() => {
    if (opened) fillFromSession();
  }, [opened]);
  async function submit(values: typeof form.values) {
    setError(undefined);
    try {
      await updateSession({
        title: values.title.trim(),
        description: values.description.trim(),
        joinTokenExpiresAt: fromLocalInput(values.joinTokenExpiresAt) ?? null,
        startsAt: fromLocalInput(values.startsAt) ?? null,
        endsAt: fromLocalInput(values.endsAt) ?? null,
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
      title={t('sessions.edit.title')}
      onSubmit={form.onSubmit(submit)}
      error={error}
      submitLabel={t('sessions.edit.save')}
      submitting={form.submitting}
    >
      <SessionFields inputProps={form.getInputProps}>
        <MeetingTimeFields inputProps={form.getInputProps} />
      </SessionFields>
    </FormModal>
  );
}
