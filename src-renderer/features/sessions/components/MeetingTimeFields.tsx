import { Group, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useT } from '../../../app/i18n';

/** When the meeting takes place (optional, local time): a scheduled session shows in the calendar. */
export function MeetingTimeFields({
  inputProps,
}: {
  inputProps: (field: 'startsAt' | 'endsAt') => GetInputPropsReturnType;
}) {
  const t = useT();
  return (
    <Group grow align="flex-start">
      <TextInput
        type="datetime-local"
        label={t('sessions.field.startsAt')}
        description={t('sessions.field.startsAtHint')}
        {...inputProps('startsAt')}
      />
      <TextInput
        type="datetime-local"
        label={t('sessions.field.endsAt')}
        {...inputProps('endsAt')}
      />
    </Group>
  );
}
