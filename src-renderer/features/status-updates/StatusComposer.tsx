import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { STATUS_UPDATE_MAX } from '../../../src-shared/schemas/accounts';
import { useT } from '../../app/i18n';
import { errorText } from '../../app/i18n/error-text';
import { postStatusUpdate } from './status-updates-store';

/** "What are you working on?": at most 500 characters, with a counter that turns red past the limit. */
export function StatusComposer() {
  const t = useT();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const length = text.trim().length;
  const over = text.length > STATUS_UPDATE_MAX;

  async function submit() {
    setBusy(true);
    setError(undefined);
    try {
      await postStatusUpdate(text.trim());
      setText('');
    } catch (failure) {
      setError(errorText(failure, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (length > 0 && !over) void submit();
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('status.composerLabel')}
          placeholder={t('status.placeholder')}
          autosize
          minRows={2}
          maxRows={6}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={error ?? (over ? t('status.tooLong', { max: STATUS_UPDATE_MAX }) : undefined)}
          aria-describedby="status-counter"
        />
        <Group justify="space-between">
          <Text
            id="status-counter"
            size="xs"
            c={over ? 'var(--mantine-color-error)' : 'dimmed'}
            aria-live="polite"
          >
            {t('status.counter', { count: text.length, max: STATUS_UPDATE_MAX })}
          </Text>
          <Button type="submit" size="compact-md" loading={busy} disabled={length === 0 || over}>
            {t('status.post')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
