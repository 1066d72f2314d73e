import { Button, Group, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, type ApiErrorCode } from '../../../api/api-error';
import { useT, type Translate } from '../../../app/i18n';
import { errorText } from '../../../app/i18n/error-text';
import { joinSession } from '../sessions-store';

/** Wrong, expired, blocked and already-in each have their own sentence from the hub: show it. */
const SPECIFIC = new Set<ApiErrorCode>([
  'NOT_FOUND',
  'GONE',
  'FORBIDDEN',
  'CONFLICT',
  'VALIDATION_FAILED',
]);
function joinErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && SPECIFIC.has(error.code)) {
    return error.fields.token ?? error.message;
  }
  return errorText(error, t);
}

/**
 * Type the token the host shows (any case, with spaces or dashes) and land in
 * the session. A join link (`classhub://join/<hub>/<token>` in the desktop
 * app, or `/sessions?join=<token>`) fills it in; joining stays one click away.
 */
export function JoinSessionForm() {
  const t = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const form = useForm({
    initialValues: { token: searchParams.get('join')?.slice(0, 40) ?? '' },
    validate: { token: (v) => (v.replace(/[\s-]/g, '') ? null : t('sessions.join.required')) },
  });
  async function submit(values: { token: string }) {
    try {
      const session = await joinSession(values.token);
      await navigate(`/sessions/${session.id}`);
    } catch (error) {
      form.setFieldError('token', joinErrorText(error, t));
    }
  }
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate aria-label={t('sessions.join.title')}>
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <TextInput
          label={t('sessions.join.label')}
          description={t('sessions.join.hint')}
          placeholder={t('sessions.join.placeholder')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          style={{ flex: 1 }}
          {...form.getInputProps('token')}
        />
        <Button type="submit" mt={46} loading={form.submitting}>
          {t('sessions.join.submit')}
        </Button>
      </Group>
    </form>
  );
}
