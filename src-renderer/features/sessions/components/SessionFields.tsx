import { Textarea, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n';

type SessionField = 'title' | 'description' | 'joinTokenExpiresAt';

/** Title, description and token expiry: what creating and editing a session share. */
export function SessionFields({
  inputProps,
  autoFocus = false,
  children,
}: {
  inputProps: (field: SessionField) => GetInputPropsReturnType;
  autoFocus?: boolean;
  /** Fields that only one of the dialogs has, placed before the expiry. */
  children?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <TextInput
        label={t('sessions.field.title')}
        required
        data-autofocus={autoFocus || undefined}
        {...inputProps('title')}
      />
      <Textarea
        label={t('sessions.field.description')}
        autosize
        minRows={3}
        maxRows={8}
        {...inputProps('description')}
      />
      {children}
      <TextInput
        type="datetime-local"
        label={t('sessions.field.expiry')}
        description={t('sessions.field.expiryHint')}
        {...inputProps('joinTokenExpiresAt')}
      />
    </>
  );
}
