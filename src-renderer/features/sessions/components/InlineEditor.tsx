import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../../app/i18n';
import { ErrorNotice } from '../../../ui/ErrorNotice';

/** Edits a text in place: Save sends it, Cancel or Escape puts it back. */
export function InlineEditor({
  initial,
  label,
  saveLabel,
  onSave,
  onDone,
}: {
  initial: string;
  label: string;
  saveLabel: string;
  onSave: (text: string) => Promise<void>;
  onDone: () => void;
}) {
  const t = useT();
  const [text, setText] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  async function save() {
    setBusy(true);
    setError(undefined);
    try {
      await onSave(text.trim());
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack gap="xs">
      <Textarea
        aria-label={label}
        autosize
        minRows={2}
        maxRows={10}
        value={text}
        data-autofocus
        autoFocus
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onDone();
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
        }}
      />
      {error !== undefined && <ErrorNotice error={error} />}
      <Group gap="xs" justify="flex-end">
        <Button size="xs" variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button size="xs" loading={busy} onClick={() => void save()}>
          {saveLabel}
        </Button>
      </Group>
    </Stack>
  );
}
